using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP INDEX</c>.</summary>
public sealed record DropIndex(QualifiedName TableName, Model.Index Index) : Change
{
    public override string Kind => "drop_index";

    public override string Object => Model.Sql.Quote(TableName.Schema) + "." + Model.Sql.Quote(Index.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "drop index " + Object;
}
