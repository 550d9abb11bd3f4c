using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Safe changes (and hazards the user accepted): the plain DDL in release 1 pre-deploy, under lock_timeout
/// with retries, and its inverse as the down script.
/// </summary>
public sealed class AsIsRecipe : Recipe
{
    public override string Name => Safety.Recipes.AsIs;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output) => AsIsStep(change, context, output);

    /// <summary>The change's plain DDL as one release-1 pre-deploy step.</summary>
    internal static void AsIsStep(ClassifiedChange change, PlanningContext context, RecipeOutput output) =>
        output.Steps.Add(AsIs(change, context, release: 1, Phase.PreDeploy, sequence: 0));

    /// <summary>A step running the change's plain DDL, with its inverse as down.</summary>
    internal static PlanStep AsIs(ClassifiedChange change, PlanningContext context, int release, Phase phase, int sequence, Change? ddlOf = null)
    {
        var target = ddlOf ?? change.Change;
        var (inverse, irreversible) = ChangeInverter.Invert(target);
        var nonTransactional = target is AddEnumValue && context.ServerVersionNumber < 120000;
        return Step(change, release, phase, sequence, StepNames.For(target), target.Describe(), Ddl(target, context)) with
        {
            Down = inverse is null ? null : new StepSql("ddl", new DdlData(SchemaPlanner.Planning.Ddl.DdlWriter.Statements(inverse, context.To, context.From))),
            Irreversible = irreversible,
            Transactional = !nonTransactional,
            LockTimeout = context.Settings.LockTimeout,
            StatementTimeout = context.Settings.StatementTimeout,
            RetryOnLockTimeout = !nonTransactional,
        };
    }

    internal static StepSql Ddl(Change change, PlanningContext context) =>
        new("ddl", new DdlData(SchemaPlanner.Planning.Ddl.DdlWriter.Statements(change, context.From, context.To)));
}
