using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE INDEX</c> on a table or materialized view.</summary>
public sealed record AddIndex(QualifiedName TableName, Model.Index Index) : Change
{
    public override string Kind => "add_index";

    public override string Object => Model.Sql.Quote(TableName.Schema) + "." + Model.Sql.Quote(Index.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "add index " + Object + " on " + TableName + " (" + string.Join(", ", Index.Keys) + ")" + (Index.Unique ? " unique" : "");
}
