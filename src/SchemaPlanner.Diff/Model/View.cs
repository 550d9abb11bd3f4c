namespace SchemaPlanner.Model;

/// <summary>
/// A view or materialized view: its query (<c>pg_get_viewdef</c>), output columns, indexes (materialized only),
/// the relations it reads (<paramref name="DependsOn"/>) and its triggers, which order drops and creates.
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
    /// <summary>
    /// Triggers on the view (<c>INSTEAD OF</c> row triggers, statement triggers); left out of snapshots when there are
    /// none, so older snapshots read the same.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public EquatableArray<Trigger> Triggers { get; init; } = EquatableArray<Trigger>.Empty;

    internal View Normalize() => this with
    {
        Triggers = Triggers.SortedBy(t => t.Name, StringComparer.Ordinal),
        Indexes = Indexes.SortedBy(i => i.Name, StringComparer.Ordinal),
        DependsOn = DependsOn.SortedDistinct(),
        Privileges = Privileges.SortedBy(p => p, StringComparer.Ordinal),
    };
}
