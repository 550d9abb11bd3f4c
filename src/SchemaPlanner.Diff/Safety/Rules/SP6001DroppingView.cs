using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DROP VIEW: callers of a view that goes away break. A view dropped and re-created (because its columns change
/// or a relation it reads changes shape) breaks callers that use a column it loses; otherwise the re-creation
/// only holds a brief ACCESS EXCLUSIVE lock, except that a materialized view is re-populated under it.
/// </summary>
public sealed class SP6001DroppingView : SafetyRule
{
    public override string Id => "SP6001";

    public override string Name => "dropping-view";

    public override string Summary => "Dropping a view, or re-creating it without some of its columns, breaks the application still querying it.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropView drop)
        {
            yield break;
        }

        var old = drop.View;
        var kind = old.Kind == ViewKind.Materialized ? "materialized view" : "view";
        var replacement = context.To.Views.FirstOrDefault(v => v.Name == old.Name);
        if (replacement is null)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"dropping {kind} {change.Object} breaks the application version that still queries it",
                Recipes.StopUsingThenDrop,
                Locks.AccessExclusive);
            yield break;
        }

        var lost = old.Columns.Where(c => !replacement.Columns.Contains(c)).ToList();
        if (lost.Count > 0)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"re-creating {kind} {change.Object} without {string.Join(", ", lost.Select(Model.Sql.Quote))} breaks the application version that still selects them",
                Recipes.ViewReplaceWithNew,
                Locks.AccessExclusive);
        }

        if (old.Kind == ViewKind.Materialized || replacement.Kind == ViewKind.Materialized)
        {
            yield return Hazard(
                HazardKind.Lock,
                context.CostSeverity(old.Name),
                $"re-creating {kind} {change.Object} runs its whole query while readers of it wait",
                Recipes.ViewReplaceWithNew,
                Locks.AccessExclusive);
        }
        else if (lost.Count == 0)
        {
            yield return Hazard(
                HazardKind.Lock,
                Severity.Warning,
                $"re-creating view {change.Object} takes a brief ACCESS EXCLUSIVE lock on it; run it in one transaction with the change that requires it",
                Recipes.WithLockTimeout,
                Locks.AccessExclusive);
        }
    }
}
