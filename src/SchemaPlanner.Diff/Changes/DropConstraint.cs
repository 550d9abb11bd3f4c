using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>ALTER TABLE … DROP CONSTRAINT</c>.</summary>
public sealed record DropConstraint(QualifiedName TableName, Constraint Constraint) : Change
{
    public override string Kind => "drop_constraint";

    public override string Object => TableName + "." + Model.Sql.Quote(Constraint.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "drop constraint " + Model.Sql.Quote(Constraint.Name) + " on " + TableName;
}
