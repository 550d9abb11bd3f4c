using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Table constraints: added (<c>NOT VALID</c> when the desired one is not valid), validated, dropped.</summary>
internal sealed class ConstraintDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<AddConstraint>(Add, c => ChangeReverse.By(new DropConstraint(c.TableName, c.Constraint)),
            rank: c => c.Constraint.Kind == ConstraintKind.ForeignKey ? 360 : 340,
            locate: (c, at) => at.Constraint(c.TableName, c.Constraint.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<ValidateConstraint>(Validate, _ => ChangeReverse.None("a validated constraint cannot be made NOT VALID again; it is harmless to keep"),
            rank: _ => 340,
            locate: (c, at) => at.Constraint(c.TableName, c.Constraint.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<DropConstraint>(Drop, c => ChangeReverse.By(new AddConstraint(c.TableName, c.Constraint)),
            rank: c => c.Constraint.Kind == ConstraintKind.ForeignKey ? 30 : 40,
            locate: (c, at) => at.Table(c.TableName)),
    ];

    private static void Add(AddConstraint c, DdlBuilder ddl) => ddl.Emit(AddConstraint(c.TableName, c.Constraint));

    private static void Validate(ValidateConstraint c, DdlBuilder ddl) =>
        ddl.Emit(new ConstraintSql.Validate(c.TableName, c.Constraint.Name));

    private static void Drop(DropConstraint c, DdlBuilder ddl) =>
        ddl.Emit(new ConstraintSql.Drop(c.TableName, c.Constraint.Name, IfExists: true));
}
