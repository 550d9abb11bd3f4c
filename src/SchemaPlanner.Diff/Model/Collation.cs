namespace SchemaPlanner.Model;

/// <summary>A user-defined collation. <paramref name="Provider"/> is <c>libc</c>, <c>icu</c> or <c>default</c>.</summary>
public sealed record Collation(QualifiedName Name, string Provider, string? Locale, string? LcCollate, string? LcCtype, bool Deterministic);
