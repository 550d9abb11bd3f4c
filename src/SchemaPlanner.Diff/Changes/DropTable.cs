using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP TABLE</c>.</summary>
public sealed record DropTable(Model.Table Definition) : Change
{
    public override string Kind => "drop_table";

    public override string Object => Definition.Name.ToString();

    public override QualifiedName? Table => Definition.Name;

    public override string Describe() => "drop table " + Object;
}
