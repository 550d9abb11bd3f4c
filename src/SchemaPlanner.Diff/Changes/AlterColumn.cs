using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A column whose type, collation, nullability, default, identity or generation changed.</summary>
public sealed record AlterColumn(QualifiedName TableName, Column Old, Column New, ColumnChange Changed) : Change
{
    public override string Kind => "alter_column";

    public override string Object => TableName.Member(New.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "alter column " + Object + ": " + ColumnChangeText.Describe(Old, New, Changed);
}
