using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A policy whose roles or expressions changed (command and permissiveness need a drop and create).</summary>
public sealed record AlterPolicy(QualifiedName TableName, Policy Old, Policy New) : Change
{
    public override string Kind => "alter_policy";

    public override string Object => Model.Sql.Quote(New.Name) + " on " + TableName;

    public override QualifiedName? Table => TableName;

    public override string Describe() => "alter policy " + Object;
}
