using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>ALTER TABLE … ADD COLUMN</c>.</summary>
public sealed record AddColumn(QualifiedName TableName, Column Column) : Change
{
    public override string Kind => "add_column";

    public override string Object => TableName.Member(Column.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "add column " + Object + " " + Column.Type + (Column.NotNull ? " not null" : "") + (Column.Default is not null ? " default " + Column.Default : "");
}
