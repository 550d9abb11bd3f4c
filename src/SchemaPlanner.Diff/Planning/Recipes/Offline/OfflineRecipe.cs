using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// No online path (an EXCLUDE constraint on a populated table, a partition-key change, …): the change's DDL is a
/// step of release 1 like any other, and the plan marks it OFFLINE with the runbook it needs.
/// </summary>
public sealed class OfflineRecipe : Recipe
{
    public override string Name => Safety.Recipes.Offline;

    public override int Priority => 10;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        var reason = change.Hazards.FirstOrDefault(h => h.Kind == HazardKind.NoOnlinePath)?.Message ?? "no online path is known.";
        OfflineSteps.Add(change, context, output, reason);
    }
}
