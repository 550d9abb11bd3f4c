using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Recipes;

internal static class Placement
{
    /// <summary>
    /// Where a step on some columns goes in release 1: after the verify of a backfill that fills one of them
    /// (post-deploy), otherwise before the deploy.
    /// </summary>
    public static Phase For(PlanningContext context, QualifiedName table, IEnumerable<string> columns) =>
        columns.Any(c => context.BackfilledColumns.Contains((table, c))) ? Phase.PostDeploy : Phase.PreDeploy;

    /// <summary>The plain column names an index definition mentions (keys, INCLUDE, predicate).</summary>
    public static IEnumerable<string> Columns(Table? table, Model.Index index) =>
        table?.Columns.Select(c => c.Name).Where(c => SqlIdentifiers.Mentions(index.Definition, c)) ?? [];
}
