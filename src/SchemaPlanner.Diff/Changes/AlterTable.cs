using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>Table-level properties changed: persistence, row-level security, partitioning, inheritance.</summary>
public sealed record AlterTable(Model.Table Old, Model.Table New, TableChange Changed) : Change
{
    /// <summary>
    /// With a partition-key change: the foreign keys of other tables that reference this one, which the rebuild
    /// drops, come back as their own changes (ordered after the keys they need), not at the end of the rebuild.
    /// The inverse (a down script) leaves this unset, so it adds them back itself.
    /// </summary>
    public bool IncomingForeignKeysApart { get; init; }

    public override string Kind => "alter_table";

    public override string Object => New.Name.ToString();

    public override QualifiedName? Table => New.Name;

    public override string Describe() => "alter table " + Object + " (" + Changed.ToString().ToLowerInvariant() + ")";
}
