using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP TRIGGER</c>.</summary>
public sealed record DropTrigger(QualifiedName TableName, Trigger Trigger) : Change
{
    public override string Kind => "drop_trigger";

    public override string Object => Model.Sql.Quote(Trigger.Name) + " on " + TableName;

    public override QualifiedName? Table => TableName;

    public override string Describe() => "drop trigger " + Object;
}
