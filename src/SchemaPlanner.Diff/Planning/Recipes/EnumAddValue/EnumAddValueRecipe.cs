using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>ALTER TYPE … ADD VALUE as its own step (outside a transaction before PostgreSQL 12).</summary>
public sealed class EnumAddValueRecipe : Recipe
{
    public override string Name => Safety.Recipes.EnumAddValue;

    public override int Priority => 200;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output) => AsIsSteps.Add(change, context, output);
}
