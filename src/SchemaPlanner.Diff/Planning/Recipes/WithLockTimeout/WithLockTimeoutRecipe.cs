using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>Changes that only need a brief lock: the plain DDL under lock_timeout, retried on lock timeout (as-is).</summary>
public sealed class WithLockTimeoutRecipe : Recipe
{
    public override string Name => Safety.Recipes.WithLockTimeout;

    public override int Priority => 210;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output) => AsIsSteps.Add(change, context, output);
}
