using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD FOREIGN KEY (validated) takes SHARE ROW EXCLUSIVE on both tables (writes blocked on both) while it scans
/// the referencing table. NOT VALID and a separate VALIDATE (SHARE UPDATE EXCLUSIVE) avoid that.
/// </summary>
public sealed class SP4003AddingForeignKey : SafetyRule
{
    public override string Id => "SP4003";

    public override string Name => "adding-foreign-key";

    public override string Summary => "Adding a validated foreign key blocks writes to both tables while it scans the referencing one.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddConstraint { Constraint.Kind: ConstraintKind.ForeignKey, Constraint.Validated: true } add
            || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        var referenced = add.Constraint.ReferencedTable;
        var both = referenced is null || referenced == add.TableName ? add.TableName.ToString() : $"{add.TableName} and {referenced}";
        yield return Hazard(
            HazardKind.Scan,
            context.CostSeverity(add.TableName),
            $"adding foreign key {change.Object} blocks writes to {both} while it scans {add.TableName}{context.SizeNote(add.TableName)}",
            Recipes.ConstraintNotValidThenValidate,
            Locks.ShareRowExclusive);
    }
}
