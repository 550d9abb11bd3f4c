using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>DROP SCHEMA: whatever still lives in it (and what the application qualifies with it) is gone.</summary>
public sealed class SP9004DroppingSchema : SafetyRule
{
    public override string Id => "SP9004";

    public override string Name => "dropping-schema";

    public override string Summary => "Dropping a schema deletes everything left in it and breaks callers that name it.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropSchema drop)
        {
            yield break;
        }

        var tables = context.From.Tables.Count(t => t.Name.Schema == drop.Schema.Name);
        var content = tables == 0 ? "" : $" and the {tables} table{(tables == 1 ? "" : "s")} in it";
        yield return Hazard(
            HazardKind.DataLoss,
            Severity.Error,
            $"dropping schema {change.Object} deletes it{content}; the running application may still name it",
            Recipes.StopUsingThenDrop,
            Locks.AccessExclusive);
    }
}
