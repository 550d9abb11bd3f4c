namespace SchemaPlanner.Model;

/// <summary>
/// A stand-alone composite type (<c>CREATE TYPE t AS (…)</c>), its attributes in position order: the order is part
/// of the type (row constructors and <c>(v).*</c> are positional).
/// </summary>
public sealed record CompositeType(QualifiedName Name, EquatableArray<CompositeAttribute> Attributes);

/// <summary>
/// One attribute of a composite type: <paramref name="Type"/> is <c>format_type</c> output, <paramref name="TypeName"/>
/// names its base type (for dependency order), <paramref name="Collation"/> is set only when it differs from the type's.
/// </summary>
public sealed record CompositeAttribute(string Name, string Type, QualifiedName TypeName, string? Collation);
