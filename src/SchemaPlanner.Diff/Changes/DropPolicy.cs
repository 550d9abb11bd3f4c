using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP POLICY</c>.</summary>
public sealed record DropPolicy(QualifiedName TableName, Policy Policy) : Change
{
    public override string Kind => "drop_policy";

    public override string Object => Model.Sql.Quote(Policy.Name) + " on " + TableName;

    public override QualifiedName? Table => TableName;

    public override string Describe() => "drop policy " + Object;
}
