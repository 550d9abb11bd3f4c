using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A function whose signature or result changes: the new one is created beside the old in release 1 (its own
/// change), callers move, and release 2's post-deploy drops the old one. When the signature stays and only the
/// result changes, both cannot coexist: drop and create run together in release 2's post-deploy.
/// </summary>
public sealed class FunctionNewSignatureRecipe : Recipe
{
    public override string Name => Safety.Recipes.FunctionNewSignature;

    public override int Priority => 170;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not DropFunction drop)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var replacement = context.Changes.Select(c => c.Change).OfType<CreateFunction>()
            .FirstOrDefault(c => c.Function.Name == drop.Function.Name && c.Function.Arguments == drop.Function.Arguments);
        var up = context.Ddl.Statements(drop, context.From, context.To).ToList();
        var down = new List<string>();
        if (replacement is not null)
        {
            context.Claim(replacement);
            up.AddRange(context.Ddl.Statements(replacement, context.From, context.To));
            down.AddRange(context.Ddl.Statements(new DropFunction(replacement.Function), context.To, context.From));
            output.AppInstructions.Add((1, $"Handle both results of {drop.Function.Signature} ({drop.Function.Result} and {replacement.Function.Result}): it changes after release 2 is deployed."));
        }
        else
        {
            output.AppInstructions.Add((1, $"Stop calling {drop.Function.Signature} (it is dropped after release 2 is deployed)."));
        }

        down.AddRange(context.Ddl.Statements(new CreateFunction(drop.Function), context.From, context.From));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "replace_function_" + drop.Function.Name.Name, (replacement is null ? "drop " : "replace ") + drop.Function.Signature,
            RecipeSteps.Ddl([.. up]), RecipeSteps.Ddl([.. down])));
    }
}
