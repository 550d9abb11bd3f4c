using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Safe changes (and hazards the user accepted): the plain DDL in release 1 pre-deploy, under lock_timeout
/// with retries, and its inverse as the down script.
/// </summary>
public sealed class AsIsRecipe : Recipe
{
    public override string Name => Safety.Recipes.AsIs;

    public override int Priority => 230;

    /// <summary>Every safe change (and one whose hazards the user accepted) runs as it is.</summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) => change.Safe;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output) => AsIsSteps.Add(change, context, output);
}
