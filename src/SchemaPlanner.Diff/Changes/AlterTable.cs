using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>Table-level properties changed: persistence, row-level security, partitioning, inheritance.</summary>
public sealed record AlterTable(Model.Table Old, Model.Table New, TableChange Changed) : Change
{
    /// <summary>
    /// With a partition-key change, set by the differ: what the rebuilt table's CREATE TABLE does not cover (its
    /// indexes, foreign keys, triggers, policies) and the foreign keys of other tables that reference it (which
    /// the rebuild drops) come as changes of their own, ordered by the dependency graph after the keys and unique
    /// indexes they need. The inverse (a down script) leaves it unset: the rebuild back then restores them itself.
    /// </summary>
    public bool PartsApart { get; init; }

    public override string Kind => "alter_table";

    public override string Object => New.Name.ToString();

    public override QualifiedName? Table => New.Name;

    public override string Describe() => "alter table " + Object + " (" + Changed.ToString().ToLowerInvariant() + ")";
}
