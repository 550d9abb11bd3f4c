using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>A change with no online path: its DDL as a release-1 step marked OFFLINE, with the runbook entry it needs.</summary>
internal static class OfflineSteps
{
    internal static void Add(ClassifiedChange change, PlanningContext context, RecipeOutput output, string reason)
    {
        var table = change.Change.Table;
        var statistics = table is null ? null : context.From.FindTable(table) is null ? null : table;
        var downtime = statistics is null
            ? "as long as the statement takes on the table (measure it on a copy)"
            : "as long as rewriting or scanning " + table + " takes (measure it on a restored copy)";
        output.Offline.Add(new OfflineChange(change.Change, reason.TrimEnd('.') + ".", downtime));
        output.Steps.Add(AsIsSteps.Step(change, context, 1, Phase.PreDeploy, planned: output) with
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
