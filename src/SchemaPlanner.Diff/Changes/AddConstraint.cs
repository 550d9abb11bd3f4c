using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>ALTER TABLE … ADD CONSTRAINT</c>.</summary>
public sealed record AddConstraint(QualifiedName TableName, Constraint Constraint) : Change
{
    public override string Kind => "add_constraint";

    public override string Object => TableName + "." + Model.Sql.Quote(Constraint.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "add constraint " + Model.Sql.Quote(Constraint.Name) + " on " + TableName + ": " + Constraint.Definition + (Constraint.Validated ? "" : " NOT VALID");
}
