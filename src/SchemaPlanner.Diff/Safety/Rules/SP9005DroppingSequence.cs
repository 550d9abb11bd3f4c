using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DROP SEQUENCE: its current value is lost (a re-created sequence starts over and hands out used numbers), and
/// callers of nextval break.
/// </summary>
public sealed class SP9005DroppingSequence : SafetyRule
{
    public override string Id => "SP9005";

    public override string Name => "dropping-sequence";

    public override string Summary => "Dropping a sequence loses its current value and breaks the callers of nextval.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropSequence drop)
        {
            yield break;
        }

        // A sequence owned by a column that is dropped in the same diff goes with the column; SP2003 reports that.
        if (drop.Sequence.OwnedByTable is { } owner
            && (context.To.FindTable(owner) is null || context.To.FindTable(owner)?.FindColumn(drop.Sequence.OwnedByColumn ?? "") is null))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.DataLoss,
            Severity.Error,
            $"dropping sequence {change.Object} loses its current value: a re-created one hands out numbers already used",
            Recipes.StopUsingThenDrop);
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"dropping sequence {change.Object} breaks the running application's nextval calls and column defaults that use it",
            Recipes.StopUsingThenDrop);
    }
}
