namespace SchemaPlanner.Model;

/// <summary>A named CHECK constraint of a domain.</summary>
public sealed record DomainCheck(string Name, string Definition, bool Validated);
