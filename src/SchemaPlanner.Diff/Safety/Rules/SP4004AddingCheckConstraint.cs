using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD CHECK (validated) scans the table under ACCESS EXCLUSIVE; NOT VALID then VALIDATE avoids that. Either
/// way, writes of the running application that violate the check start failing.
/// </summary>
public sealed class SP4004AddingCheckConstraint : SafetyRule
{
    public override string Id => "SP4004";

    public override string Name => "adding-check-constraint";

    public override string Summary => "Adding a validated CHECK constraint scans the table under an ACCESS EXCLUSIVE lock and rejects violating writes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddConstraint { Constraint.Kind: ConstraintKind.Check } add || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        if (add.Constraint.Validated)
        {
            yield return Hazard(
                HazardKind.Scan,
                context.CostSeverity(add.TableName),
                $"adding check constraint {change.Object} scans {add.TableName}{context.SizeNote(add.TableName)} under an ACCESS EXCLUSIVE lock",
                Recipes.ConstraintNotValidThenValidate,
                Locks.AccessExclusive);
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"check constraint {change.Object} ({add.Constraint.Definition}) rejects the running application's writes that violate it",
            Recipes.ConstraintNotValidThenValidate);
    }
}
