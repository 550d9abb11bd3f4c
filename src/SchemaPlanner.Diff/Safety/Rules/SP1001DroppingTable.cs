using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>DROP TABLE: the running application still reads and writes it, and its rows are gone for good.</summary>
public sealed class SP1001DroppingTable : SafetyRule
{
    public override string Id => "SP1001";

    public override string Name => "dropping-table";

    public override string Summary => "Dropping a table breaks the application version still using it and deletes its rows.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropTable drop)
        {
            yield break;
        }

        var size = context.SizeNote(drop.Definition.Name);
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"dropping table {change.Object}{size} breaks the application version that still queries it",
            Recipes.StopUsingThenDrop,
            Locks.AccessExclusive);
        yield return Hazard(
            HazardKind.DataLoss,
            Severity.Error,
            $"dropping table {change.Object}{size} deletes all its rows",
            Recipes.StopUsingThenDrop);
    }
}
