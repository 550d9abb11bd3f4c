using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// SET NOT NULL scans the table under ACCESS EXCLUSIVE and fails old code that writes NULL: after release 1's app
/// always writes a value, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, SET NOT NULL (no scan on PG12+),
/// drop the check. With a <c>using</c> hint the NULLs are filled first (<see cref="NullFill"/>). Other parts of the same column change run as-is before the deploy.
/// </summary>
public sealed class NotNullViaCheckRecipe : Recipe
{
    public override string Name => Safety.Recipes.NotNullViaCheck;

    public override int Priority => 110;

    /// <summary>A column becoming NOT NULL with a <c>using</c> hint has NULLs to fill first, however small its table.</summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is AlterColumn { Changed: ColumnChange.Nullability } setNotNull && setNotNull.New.NotNull
        && context.HasHint(setNotNull.TableName, setNotNull.New.Name);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterColumn { Changed: var changed } alter || !changed.HasFlag(ColumnChange.Nullability) || !alter.New.NotNull)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        // An identity can only be added to a NOT NULL column: that part waits for the NOT NULL steps.
        var addsIdentity = changed.HasFlag(ColumnChange.Identity) && alter.Old.Identity == IdentityKind.None && alter.New.Identity != IdentityKind.None;
        var rest = changed & ~ColumnChange.Nullability & (addsIdentity ? ~ColumnChange.Identity : ~ColumnChange.None);
        if (rest != ColumnChange.None)
        {
            var first = new AlterColumn(alter.TableName, alter.Old, alter.New with { NotNull = alter.Old.NotNull, Identity = addsIdentity ? alter.Old.Identity : alter.New.Identity }, rest);
            output.Steps.Add(AsIsSteps.Step(change, context, 1, Phase.PreDeploy, first, output));
        }

        output.AppInstructions.Add((1, $"Always write a value to {alter.Object} (NULL is rejected after this release's post-deploy)."));
        var fill = NullFill.Plan(change, context, output, alter.TableName, alter.New.Name);
        foreach (var step in RecipeSteps.NotNull(change, context, alter.TableName, alter.New.Name, 1, Phase.PostDeploy))
        {
            output.Steps.Add(step);
        }

        if (addsIdentity)
        {
            var identity = new AlterColumn(alter.TableName, alter.New with { Identity = alter.Old.Identity }, alter.New, ColumnChange.Identity);
            output.Steps.Add(AsIsSteps.Step(change, context, 1, Phase.PostDeploy, identity, output));
        }

        if (fill is { } filled)
        {
            output.Steps.Add(NullFill.DropTrigger(change, context, filled));
        }
    }
}
