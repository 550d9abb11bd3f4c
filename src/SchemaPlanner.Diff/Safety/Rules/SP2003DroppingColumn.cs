using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>DROP COLUMN: the running application still selects or inserts it, and its values are gone for good.</summary>
public sealed class SP2003DroppingColumn : SafetyRule
{
    public override string Id => "SP2003";

    public override string Name => "dropping-column";

    public override string Summary => "Dropping a column breaks the application version still using it and deletes its values.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropColumn drop || context.IsNewTable(drop.TableName))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"dropping column {change.Object} breaks the application version that still reads or writes it",
            Recipes.StopUsingThenDrop,
            Locks.AccessExclusive);
        yield return Hazard(
            HazardKind.DataLoss,
            Severity.Error,
            $"dropping column {change.Object} deletes its values in {drop.TableName}{context.SizeNote(drop.TableName)}",
            Recipes.StopUsingThenDrop);
    }
}
