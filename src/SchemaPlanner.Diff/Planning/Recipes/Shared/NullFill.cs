using SchemaPlanner.Model;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// An existing column becoming NOT NULL with a <c>using</c> hint (<c>coalesce(c, 0)</c>): its NULLs are replaced
/// before the CHECK is validated, or VALIDATE fails in production. A trigger fills NULLs either app version writes
/// (release 1 pre-deploy), a batched backfill fills the rows that have one, verify finds none left; the trigger is
/// dropped after SET NOT NULL.
/// </summary>
internal static class NullFill
{
    /// <summary>
    /// Plans the fill when the column has a hint and returns the trigger, whose drop goes after the NOT NULL steps;
    /// null when there is no hint.
    /// </summary>
    public static FillNullsTriggerData? Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string column)
    {
        if (context.HintFor(table, column) is not { } expression)
        {
            return null;
        }

        var c = Sql.Quote(column);
        var (function, trigger) = RecipeSteps.SyncNames(table, "fill_nulls_" + column);
        var data = new FillNullsTriggerData(table, function, trigger, column, expression);
        var drop = new StepSql(new DropSyncTriggerData(table, function, trigger));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "fill_nulls_trigger_" + column, $"replace NULLs written to {table}.{c} by ({expression}) until it is NOT NULL",
            new StepSql(data), drop));
        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [new Assignment(column, expression)], 1, onlyWhereNull: true) with
        {
            Name = "backfill_nulls_" + column,
        });
        output.Steps.Add(RecipeSteps.Verify(
            change, table, [], [new VerifyCheck($"NOT EXISTS (SELECT 1 FROM {table.Sql} WHERE {c} IS NULL)", $"{table}.{column} still has NULLs; re-run the backfill (or fix the rows where {expression} is NULL)")], 1) with
        {
            Name = "verify_no_nulls_" + column,
        });
        context.BackfilledColumns.Add((table, column));
        return data;
    }

    public static PlanStep DropTrigger(ClassifiedChange change, PlanningContext context, FillNullsTriggerData data) =>
        RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, "drop_fill_nulls_trigger_" + data.Column, $"drop the NULL-filling trigger {data.Trigger} on {data.Table}",
            new StepSql(new DropSyncTriggerData(data.Table, data.Function, data.Trigger)),
            new StepSql(data));
}
