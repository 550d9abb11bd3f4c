using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A NOT VALID constraint that the desired schema has validated.</summary>
public sealed record ValidateConstraint(QualifiedName TableName, Constraint Constraint) : Change
{
    public override string Kind => "validate_constraint";

    public override string Object => TableName + "." + Model.Sql.Quote(Constraint.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "validate constraint " + Model.Sql.Quote(Constraint.Name) + " on " + TableName;
}
