namespace SchemaPlanner.Model;

/// <summary>
/// A table with its columns (in attribute order), indexes, constraints, triggers and policies (sorted by name).
/// </summary>
public sealed record Table(
    QualifiedName Name,
    TableKind Kind,
    bool Unlogged,
    string? PartitionKey,
    QualifiedName? PartitionOf,
    string? PartitionBound,
    EquatableArray<QualifiedName> Inherits,
    bool RowLevelSecurity,
    bool ForceRowLevelSecurity,
    EquatableArray<Column> Columns,
    EquatableArray<Index> Indexes,
    EquatableArray<Constraint> Constraints,
    EquatableArray<Trigger> Triggers,
    EquatableArray<Policy> Policies,
    EquatableArray<string> Privileges)
{
    public Column? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    [System.Text.Json.Serialization.JsonIgnore]
    public Constraint? PrimaryKey => Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.PrimaryKey);

    internal Table Normalize() => this with
    {
        Inherits = Inherits.SortedBy(n => n),
        Indexes = Indexes.SortedBy(i => i.Name, StringComparer.Ordinal),
        Constraints = Constraints.SortedBy(c => c.Name, StringComparer.Ordinal),
        Triggers = Triggers.SortedBy(t => t.Name, StringComparer.Ordinal),
        Policies = Policies.SortedBy(p => p.Name, StringComparer.Ordinal),
        Privileges = Privileges.SortedBy(p => p, StringComparer.Ordinal),
    };
}
