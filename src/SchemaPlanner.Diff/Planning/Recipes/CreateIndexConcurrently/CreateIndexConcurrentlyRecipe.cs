using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// CREATE INDEX takes a SHARE lock (writes wait for the whole build): build it CONCURRENTLY in a step of its own
/// outside a transaction, dropping an INVALID leftover of an earlier failed build first.
/// </summary>
public sealed class CreateIndexConcurrentlyRecipe : Recipe
{
    public override string Name => Safety.Recipes.CreateIndexConcurrently;

    public override int Priority => 130;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AddIndex add)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var phase = Placement.For(context, add.TableName, Placement.Columns(context.To.FindTable(add.TableName), add.Index));
        var index = new QualifiedName(add.TableName.Schema, add.Index.Name);
        IndexBuildSteps.AddIndex(change, context, output, add.TableName, add.Index.Name, add.Index.Definition, add.Index.Unique, 1, phase, $"build index {index} concurrently");
    }
}
