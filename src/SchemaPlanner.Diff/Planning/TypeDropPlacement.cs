using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// An enum, domain, composite or range type can only be dropped once no column uses it. The columns that use it now are retyped or
/// dropped by recipes that may retire the old column in a later release, so such a drop, safe on its own and
/// planned in release 1, waits for the last release's post-deploy, where every retired column is gone.
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
            .Select(s => s.Serves switch
            {
                DropEnum e when UsedNow(context, e.Enum.Name) => s with { Release = last, Phase = Phase.PostDeploy },
                DropDomain d when UsedNow(context, d.Domain.Name) => s with { Release = last, Phase = Phase.PostDeploy },
                DropCompositeType c when UsedNow(context, c.Type.Name) => s with { Release = last, Phase = Phase.PostDeploy },
                DropRangeType r when UsedNow(context, r.Type.Name) => s with { Release = last, Phase = Phase.PostDeploy },
                _ => s,
            })
            .ToList();
    }

    private static bool UsedNow(PlanningContext context, QualifiedName type) => SchemaFacts.ColumnsOfType(context.From, type).Count > 0;
}
