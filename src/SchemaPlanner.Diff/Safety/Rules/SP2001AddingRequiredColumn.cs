using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD COLUMN … NOT NULL without a default: fails on a table that has rows, and inserts of the running
/// application (which does not know the column) fail afterwards.
/// </summary>
public sealed class SP2001AddingRequiredColumn : SafetyRule
{
    public override string Id => "SP2001";

    public override string Name => "adding-required-column";

    public override string Summary => "Adding a NOT NULL column without a default fails on existing rows and breaks the running application's inserts.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddColumn add
            || !add.Column.NotNull
            || add.Column.Default is not null
            || add.Column.Identity != IdentityKind.None
            || add.Column.Generated is not null
            || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.MayFail,
            Severity.Error,
            $"adding NOT NULL column {change.Object} without a default fails if {add.TableName}{context.SizeNote(add.TableName)} has any row",
            Recipes.AddColumnThenBackfill,
            Locks.AccessExclusive);
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"adding NOT NULL column {change.Object} without a default makes the running application's inserts, which do not set it, fail",
            Recipes.AddColumnThenBackfill);
    }
}
