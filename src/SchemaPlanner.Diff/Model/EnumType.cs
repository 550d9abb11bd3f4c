namespace SchemaPlanner.Model;

/// <summary>An enum type with its labels in sort order.</summary>
public sealed record EnumType(QualifiedName Name, EquatableArray<string> Values);
