using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Foreign keys and checks scan the table while holding a lock that blocks writes: add them NOT VALID (a brief
/// lock, new rows checked at once), then VALIDATE in a separate transaction (SHARE UPDATE EXCLUSIVE only).
/// A check rejects writes the old app may still make, so it goes after the deploy.
/// </summary>
public sealed class ConstraintNotValidThenValidateRecipe : Recipe
{
    public override string Name => Safety.Recipes.ConstraintNotValidThenValidate;

    public override int Priority => 120;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AddConstraint add || add.Constraint.Kind is not (ConstraintKind.ForeignKey or ConstraintKind.Check))
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = add.TableName;
        var constraint = add.Constraint;
        var name = Sql.Quote(constraint.Name);
        var phase = constraint.Kind == ConstraintKind.Check
            ? Phase.PostDeploy
            : Placement.For(context, table, constraint.Columns);
        if (constraint.Kind == ConstraintKind.ForeignKey && PartitionedIndexSteps.Applies(context, table)
            && PartitionedForeignKeySteps.TryAdd(change, context, output, table, constraint, phase))
        {
            return;
        }

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, "add_" + constraint.Name + "_not_valid", $"add constraint {name} on {table} NOT VALID (checks new rows only)",
            RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, constraint.Name, IfExists: true), new ConstraintSql.Add(table, constraint.Name, constraint.Definition, NotValid: true)),
            RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, constraint.Name, IfExists: true))));
        if (constraint.Validated)
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, phase, "validate_" + constraint.Name, $"validate constraint {name} on {table} (scans without blocking writes)",
                RecipeSteps.Ddl(context, new ConstraintSql.Validate(table, constraint.Name)),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        if (constraint.Kind == ConstraintKind.Check)
        {
            output.AppInstructions.Add((1, $"Only write rows that satisfy {constraint.Definition} on {table} (enforced after this release's post-deploy)."));
        }
    }
}
