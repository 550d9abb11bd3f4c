using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// An enum, domain, composite or range type can only be dropped once no column uses it. The columns that use it now are retyped or
/// dropped by recipes that may retire the old column in a later release, so such a drop, safe on its own and
/// planned in release 1, waits for the last release's post-deploy, where every retired column is gone. Which
/// changes drop a type is said by their DDL registration (<see cref="Ddl.DdlHandler.DroppedType"/>). This stays a
/// pass over the planned steps, not an edge of the dependency graph: the graph orders changes, while this moves a
/// step to a later release, which only the recipes chosen for the columns decide.
/// </summary>
internal static class TypeDropPlacement
{
    public static List<PlanStep> Apply(List<PlanStep> steps, PlanningContext context)
    {
        if (steps.Count == 0)
        {
            return steps;
        }

        var last = steps.Max(s => s.Release);
        return steps
            .Select(s => Ddl.DdlGenerators.For(s.Serves).DroppedType is { } type && UsedNow(context, type(s.Serves))
                ? s with { Release = last, Phase = Phase.PostDeploy }
                : s)
            .ToList();
    }

    private static bool UsedNow(PlanningContext context, QualifiedName type) => SchemaFacts.ColumnsOfType(context.From, type).Count > 0;
}
