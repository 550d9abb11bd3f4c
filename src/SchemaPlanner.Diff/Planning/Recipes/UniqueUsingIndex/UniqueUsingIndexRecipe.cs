using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// ADD UNIQUE builds its index under ACCESS EXCLUSIVE: build the unique index CONCURRENTLY, then attach it with
/// ADD CONSTRAINT … UNIQUE USING INDEX (a brief lock).
/// </summary>
public sealed class UniqueUsingIndexRecipe : Recipe
{
    public override string Name => Safety.Recipes.UniqueUsingIndex;

    public override int Priority => 100;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AddConstraint { Constraint.Kind: ConstraintKind.Unique or ConstraintKind.PrimaryKey } add)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        UsingIndexSteps.Add(change, context, output, add, add.Constraint.Kind == ConstraintKind.PrimaryKey ? UsingIndexSteps.PrimaryKey : "UNIQUE");
    }
}
