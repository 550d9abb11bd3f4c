using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// No online path (an EXCLUDE constraint on a populated table, a partition-key change, …): the change's DDL is a
/// step of release 1 like any other, and the plan marks it OFFLINE with the runbook it needs.
/// </summary>
public sealed class OfflineRecipe : Recipe
{
    public override string Name => Safety.Recipes.Offline;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        var reason = change.Hazards.FirstOrDefault(h => h.Kind == HazardKind.NoOnlinePath)?.Message ?? "no online path is known.";
        PlanOffline(change, context, output, reason);
    }

    internal static void PlanOffline(ClassifiedChange change, PlanningContext context, RecipeOutput output, string reason)
    {
        var table = change.Change.Table;
        var statistics = table is null ? null : context.From.FindTable(table) is null ? null : table;
        var downtime = statistics is null
            ? "as long as the statement takes on the table (measure it on a copy)"
            : "as long as rewriting or scanning " + table + " takes (measure it on a restored copy)";
        output.Offline.Add(new OfflineChange(change.Change, reason.TrimEnd('.') + ".", downtime));
        output.Steps.Add(AsIsRecipe.AsIs(change, context, 1, Phase.PreDeploy, 0) with
        {
            Title = "OFFLINE (maintenance window, see OFFLINE.md): " + change.Change.Describe(),
            // No statement_timeout: the window is for a long rewrite or scan. But lock_timeout (and retries) still:
            // waiting in the lock queue for ACCESS EXCLUSIVE would stall every later reader even in a window.
            LockTimeout = context.Settings.LockTimeout,
            StatementTimeout = null,
            RetryOnLockTimeout = true,
        });
    }
}
