using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD CONSTRAINT … UNIQUE builds its index under ACCESS EXCLUSIVE (reads and writes blocked for the build), and
/// from then on the running application's duplicate writes fail.
/// </summary>
public sealed class SP4001AddingUniqueConstraint : SafetyRule
{
    public override string Id => "SP4001";

    public override string Name => "adding-unique-constraint";

    public override string Summary => "Adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock and rejects duplicate writes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddConstraint { Constraint.Kind: ConstraintKind.Unique } add || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        var columns = string.Join(", ", add.Constraint.Columns.Select(Model.Sql.Quote));
        yield return Hazard(
            HazardKind.IndexBuild,
            context.CostSeverity(add.TableName),
            $"adding unique constraint {change.Object} builds its index over {add.TableName}{context.SizeNote(add.TableName)} under an ACCESS EXCLUSIVE lock",
            Recipes.UniqueUsingIndex,
            Locks.AccessExclusive);
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"unique constraint {change.Object} makes the running application's writes of duplicate ({columns}) fail, and fails itself if duplicates exist",
            Recipes.UniqueUsingIndex);
    }
}
