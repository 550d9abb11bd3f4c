using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// ADD PRIMARY KEY scans for NULLs and builds its index under ACCESS EXCLUSIVE: NOT NULL via a validated CHECK
/// on each key column, the unique index CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX.
/// </summary>
public sealed class PrimaryKeyUsingIndexRecipe : Recipe
{
    public override string Name => Safety.Recipes.PrimaryKeyUsingIndex;

    public override int Priority => 90;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AddConstraint { Constraint.Kind: Model.ConstraintKind.PrimaryKey } add)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = context.From.FindTable(add.TableName);
        foreach (var column in add.Constraint.Columns)
        {
            if (table?.FindColumn(column) is { NotNull: false })
            {
                // The column's own AlterColumn (SET NOT NULL) would repeat this: this recipe does it.
                foreach (var other in context.Changes.Where(c => c.Change is AlterColumn a && a.TableName == add.TableName && a.New.Name == column && a.Changed == ColumnChange.Nullability))
                {
                    context.Claim(other.Change);
                }

                // With a hint the NULLs are filled first, and the key waits for that backfill's verify.
                var fill = NullFill.Plan(change, context, output, add.TableName, column);
                foreach (var step in RecipeSteps.NotNull(change, context, add.TableName, column, 1, Placement.For(context, add.TableName, [column])))
                {
                    output.Steps.Add(step);
                }

                if (fill is { } filled)
                {
                    output.Steps.Add(NullFill.DropTrigger(change, context, filled));
                }
            }
        }

        UsingIndexSteps.Add(change, context, output, add, UsingIndexSteps.PrimaryKey);
    }
}
