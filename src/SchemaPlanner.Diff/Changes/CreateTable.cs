using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE TABLE</c> with its columns and constraints; indexes, triggers and policies follow as their own changes.</summary>
public sealed record CreateTable(Model.Table Definition) : Change
{
    public override string Kind => "create_table";

    public override string Object => Definition.Name.ToString();

    public override QualifiedName? Table => Definition.Name;

    public override string Describe() => "create table " + Object;
}
