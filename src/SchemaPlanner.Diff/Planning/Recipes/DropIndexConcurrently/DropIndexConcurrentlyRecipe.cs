using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// DROP INDEX takes ACCESS EXCLUSIVE on the table: DROP INDEX CONCURRENTLY after the deploy instead. An index
/// replaced under its name on the same table is dropped before the deploy, ahead of its successor's build; one whose
/// name a new index on another table of the schema takes is renamed away first by <see cref="IndexNameReuse"/>,
/// which makes this drop (and its down's rebuild) name it by the free name.
/// </summary>
public sealed class DropIndexConcurrentlyRecipe : Recipe
{
    public override string Name => Safety.Recipes.DropIndexConcurrently;

    public override int Priority => 140;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not DropIndex drop)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        // An index a new UNIQUE or PRIMARY KEY of the same name and shape takes over (ADD CONSTRAINT … USING INDEX,
        // whose concurrent build finds it there) is kept: dropping it would drop the constraint or fail.
        if (context.To.FindTable(drop.TableName)?.Indexes.Any(i => i.Name == drop.Index.Name && i.Constraint is not null && i.Shape == drop.Index.Shape) == true
            && context.Changes.Any(c => c.Change is AddConstraint a && a.TableName == drop.TableName && a.Constraint.Name == drop.Index.Name)
            && drop.Index.Valid)
        {
            return;
        }

        // An index replaced under the same name must be gone before its successor is built.
        var index = new QualifiedName(drop.TableName.Schema, drop.Index.Name);
        var replaced = context.Changes.Any(c => c.Change is AddIndex a && a.TableName == drop.TableName && a.Index.Name == drop.Index.Name);
        output.Steps.Add(RecipeSteps.DropIndexConcurrently(change, index, drop.Index.Definition, 1, replaced ? Phase.PreDeploy : Phase.PostDeploy));
    }
}
