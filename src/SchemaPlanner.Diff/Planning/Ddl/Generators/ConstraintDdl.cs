using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Table constraints: added (<c>NOT VALID</c> when the desired one is not valid), validated, dropped.</summary>
internal sealed class ConstraintDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<AddConstraint>(Add, c => ChangeReverse.By(new DropConstraint(c.TableName, c.Constraint))),
        DdlHandler.For<ValidateConstraint>(Validate, _ => ChangeReverse.None("a validated constraint cannot be made NOT VALID again; it is harmless to keep")),
        DdlHandler.For<DropConstraint>(Drop, c => ChangeReverse.By(new AddConstraint(c.TableName, c.Constraint))),
    ];

    private static void Add(AddConstraint c, DdlBuilder ddl) => ddl.Emit(AddConstraint(c.TableName, c.Constraint));

    private static void Validate(ValidateConstraint c, DdlBuilder ddl) =>
        ddl.Emit("ALTER TABLE " + c.TableName.Sql + " VALIDATE CONSTRAINT " + Sql.Quote(c.Constraint.Name));

    private static void Drop(DropConstraint c, DdlBuilder ddl) =>
        ddl.Emit("ALTER TABLE " + c.TableName.Sql + " DROP CONSTRAINT IF EXISTS " + Sql.Quote(c.Constraint.Name));
}
