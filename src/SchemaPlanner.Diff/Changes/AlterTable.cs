using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>Table-level properties changed: persistence, row-level security, partitioning, inheritance.</summary>
public sealed record AlterTable(Model.Table Old, Model.Table New, TableChange Changed) : Change
{
    public override string Kind => "alter_table";

    public override string Object => New.Name.ToString();

    public override QualifiedName? Table => New.Name;

    public override string Describe() => "alter table " + Object + " (" + Changed.ToString().ToLowerInvariant() + ")";
}
