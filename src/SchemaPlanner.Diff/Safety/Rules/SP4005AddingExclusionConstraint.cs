using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD EXCLUDE builds its index under ACCESS EXCLUSIVE and has no NOT VALID or USING INDEX form: there is no
/// online path.
/// </summary>
public sealed class SP4005AddingExclusionConstraint : SafetyRule
{
    public override string Id => "SP4005";

    public override string Name => "adding-exclusion-constraint";

    public override string Summary => "Adding an exclusion constraint builds its index under an ACCESS EXCLUSIVE lock, with no online alternative.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddConstraint { Constraint.Kind: ConstraintKind.Exclusion } add || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.NoOnlinePath,
            context.CostSeverity(add.TableName),
            $"adding exclusion constraint {change.Object} builds its index over {add.TableName}{context.SizeNote(add.TableName)} under an ACCESS EXCLUSIVE lock, and cannot be NOT VALID or use an existing index",
            Recipes.Offline,
            Locks.AccessExclusive);
    }
}
