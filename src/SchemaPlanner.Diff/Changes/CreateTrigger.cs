using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE TRIGGER</c>.</summary>
public sealed record CreateTrigger(QualifiedName TableName, Trigger Trigger) : Change
{
    public override string Kind => "create_trigger";

    public override string Object => Model.Sql.Quote(Trigger.Name) + " on " + TableName;

    public override QualifiedName? Table => TableName;

    public override string Describe() => "create trigger " + Object;
}
