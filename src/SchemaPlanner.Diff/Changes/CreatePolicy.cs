using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE POLICY</c>.</summary>
public sealed record CreatePolicy(QualifiedName TableName, Policy Policy) : Change
{
    public override string Kind => "create_policy";

    public override string Object => Model.Sql.Quote(Policy.Name) + " on " + TableName;

    public override QualifiedName? Table => TableName;

    public override string Describe() => "create policy " + Object;
}
