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
    /// <summary>
    /// The definition from <c>USING</c> on (method, keys, opclasses, INCLUDE, WHERE) plus uniqueness: what the
    /// index is, without its name or table.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Shape
    {
        get
        {
            var at = Definition.IndexOf(" USING ", StringComparison.Ordinal);
            return (Unique ? "UNIQUE" : "") + (at < 0 ? Definition : Definition[at..]);
        }
    }
}
