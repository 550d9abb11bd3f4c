namespace SchemaPlanner.Model;

/// <summary>A row-level security policy.</summary>
public sealed record Policy(
    string Name,
    string Command,
    bool Permissive,
    EquatableArray<string> Roles,
    string? Using,
    string? WithCheck);
