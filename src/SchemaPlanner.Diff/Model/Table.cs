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
        Inherits = Inherits.OrderBy(n => n).ToEquatableArray(),
        Indexes = Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray(),
        Constraints = Constraints.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
        Triggers = Triggers.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
        Policies = Policies.OrderBy(p => p.Name, StringComparer.Ordinal).ToEquatableArray(),
        Privileges = Privileges.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray(),
    };
}
