using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>Dropping a default breaks inserts that rely on it: release 1's app supplies the value, then post-deploy drops it.</summary>
public sealed class DropDefaultAfterAppRecipe : Recipe
{
    public override string Name => Safety.Recipes.DropDefaultAfterApp;

    public override int Priority => 150;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is AlterColumn alter)
        {
            output.AppInstructions.Add((1, $"Always supply {alter.Object} on insert (its default is dropped after this release is deployed)."));
        }

        output.Steps.Add(AsIsSteps.Step(change, context, 1, Phase.PostDeploy));
    }
}
