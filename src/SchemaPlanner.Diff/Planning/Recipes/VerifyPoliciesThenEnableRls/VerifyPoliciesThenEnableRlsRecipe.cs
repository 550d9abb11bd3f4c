using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// ENABLE / FORCE ROW LEVEL SECURITY on a table in use: its policies are created first (they do nothing while row
/// security is off), a verify step fails unless every role that may read or write the table has a permissive policy
/// for that command, and only then, post-deploy, row security goes on. APP.md says who will see what.
/// See <c>docs/recipes/verify-policies-then-enable-rls.md</c>.
/// </summary>
public sealed class VerifyPoliciesThenEnableRlsRecipe : Recipe
{
    public override string Name => Safety.Recipes.VerifyPoliciesThenEnableRls;

    public override int Priority => 205;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterTable alter || !alter.Changed.HasFlag(TableChange.RowLevelSecurity) || !alter.New.RowLevelSecurity)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = alter.New.Name;
        var force = alter.New.ForceRowLevelSecurity;
        output.Steps.Add(new PlanStep
        {
            Release = 1,
            Phase = Phase.Verify,
            Name = "verify_policies_" + table.Name,
            Title = $"verify every role that may use {table} has a permissive policy before row-level security goes on",
            Up = RecipeSteps.Ddl(context, new PolicySql.VerifyCoverage(table, force)),
            Down = RecipeSteps.Ddl(),
            StatementTimeout = context.Settings.StatementTimeout,
            Serves = change.Change,
            Hazards = change.Hazards,
        });
        output.Steps.Add(AsIsSteps.Step(change, context, 1, Phase.PostDeploy));
        output.AppInstructions.Add((1, RowSecurityReach.Describe(alter.New, force)));
    }
}
