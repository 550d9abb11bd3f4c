namespace SchemaPlanner.Model;

/// <summary>A domain over a base type; <paramref name="Checks"/> are constraint definitions keyed by name.</summary>
public sealed record Domain(
    QualifiedName Name,
    string BaseType,
    string? Collation,
    string? Default,
    bool NotNull,
    EquatableArray<DomainCheck> Checks);
