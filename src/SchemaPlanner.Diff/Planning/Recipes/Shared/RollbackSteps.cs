using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Steps that do nothing on the way up and prepare a swap's rollback on the way down: a validated CHECK (… IS NOT
/// NULL) so the down can SET NOT NULL without a scan, an index built concurrently before the down needs it.
/// </summary>
internal static class RollbackSteps
{
    /// <summary>The name of the CHECK (retired IS NOT NULL) a rollback validates before SET NOT NULL.</summary>
    internal static string RollbackCheckName(QualifiedName table, string retired) => Sql.ShortName($"{table.Name}_{retired}_not_null_sp");

    /// <summary>
    /// Two steps after a swap that do nothing on the way up; on the way down (before the swap's down) they add a
    /// CHECK (retired IS NOT NULL) NOT VALID and validate it, so the swap's down can SET NOT NULL without a scan.
    /// </summary>
    internal static IEnumerable<PlanStep> RollbackNotNull(ClassifiedChange change, PlanningContext context, IReadOnlyList<(QualifiedName Table, string Retired)> columns, int release)
    {
        if (columns.Count == 0)
        {
            yield break;
        }

        var names = RecipeSteps.List(columns.Select(c => c.Table.Member(c.Retired)));
        yield return RecipeSteps.Locking(
            change, context, release, Phase.PostDeploy, "rollback_validate_not_null", $"(rollback only) validate the NOT NULL checks of {names}",
            RecipeSteps.Ddl(),
            RecipeSteps.Ddl(context, columns.Select(c => new ConstraintSql.Validate(c.Table, RollbackCheckName(c.Table, c.Retired))))) with { StatementTimeout = "0" };
        yield return RecipeSteps.Locking(
            change, context, release, Phase.PostDeploy, "rollback_not_null_check", $"(rollback only) add CHECK (… IS NOT NULL) NOT VALID on {names}",
            RecipeSteps.Ddl(),
            RecipeSteps.Ddl(context, columns.SelectMany(c => new ISqlStatement[]
            {
                new ConstraintSql.Drop(c.Table, RollbackCheckName(c.Table, c.Retired), IfExists: true),
                new ConstraintSql.AddNotNullCheck(c.Table, RollbackCheckName(c.Table, c.Retired), c.Retired),
            })));
    }

    /// <summary>The statements a swap's down runs for a retired column that was NOT NULL: SET NOT NULL (no scan thanks to the validated check), drop the check.</summary>
    internal static IEnumerable<ISqlStatement> RestoreNotNull(QualifiedName table, string column, string retired)
    {
        yield return new ColumnSql.SetNotNull(table, column);
        yield return new ConstraintSql.Drop(table, RollbackCheckName(table, retired), IfExists: true);
    }

    /// <summary>A step that does nothing on the way up and builds an index concurrently on the way down.</summary>
    internal static PlanStep DownOnlyIndex(ClassifiedChange change, PlanningContext context, QualifiedName index, string definition, int release, string title) => new()
    {
        Release = release,
        Phase = Phase.PostDeploy,
        Name = StepNames.Slug("rollback_index_" + index.Name),
        Title = title,
        Up = RecipeSteps.Ddl(),
        Down = new StepSql(new ConcurrentIndexData(index, RecipeSteps.Concurrently(definition)) { CleanupLockTimeout = context.Settings.LockTimeout }),
        Transactional = false,
        StatementTimeout = "0",
        Serves = change.Change,
        Hazards = change.Hazards,
        DownSquawkIgnores = ["require-lock-timeout"],
        DownSquawkReason = RecipeSteps.ConcurrentWithoutLockTimeout,
    };
}
