namespace SchemaPlanner.Model;

/// <summary>
/// A view or materialized view: its query (<c>pg_get_viewdef</c>), output columns, indexes (materialized only),
/// and the relations it reads (<paramref name="DependsOn"/>), which order drops and creates.
/// </summary>
public sealed record View(
    QualifiedName Name,
    ViewKind Kind,
    string Definition,
    EquatableArray<string> Columns,
    EquatableArray<Index> Indexes,
    EquatableArray<QualifiedName> DependsOn,
    EquatableArray<string> Privileges)
{
    internal View Normalize() => this with
    {
        Indexes = Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray(),
        DependsOn = DependsOn.Distinct().OrderBy(n => n).ToEquatableArray(),
        Privileges = Privileges.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray(),
    };
}
