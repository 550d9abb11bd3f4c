using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>ALTER TABLE … DROP COLUMN</c>.</summary>
public sealed record DropColumn(QualifiedName TableName, Column Column) : Change
{
    public override string Kind => "drop_column";

    public override string Object => TableName.Member(Column.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "drop column " + Object;
}
