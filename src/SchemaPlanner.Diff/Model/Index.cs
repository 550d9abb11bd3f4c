namespace SchemaPlanner.Model;

/// <summary>
/// An index. <paramref name="Definition"/> is <c>pg_get_indexdef</c>; <paramref name="Keys"/> are column names
/// or expressions; <paramref name="Constraint"/> names the constraint that owns it (primary key, unique,
/// exclusion), whose own record then describes it.
/// </summary>
public sealed record Index(
    string Name,
    string Definition,
    string Method,
    EquatableArray<string> Keys,
    EquatableArray<string> Include,
    string? Predicate,
    bool Unique,
    bool Valid,
    string? Constraint)
{
    /// <summary>The definition with the index name and table left out, to compare shape only.</summary>
    public string Shape(QualifiedName table) =>
        Definition.Replace(" INDEX " + Sql.Quote(Name) + " ON ", " INDEX ON ", StringComparison.Ordinal);
}
