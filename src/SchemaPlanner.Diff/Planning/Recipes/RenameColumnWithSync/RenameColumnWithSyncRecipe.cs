using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A rename is never done in place: release 1 adds the new column, a trigger keeps old and new in step in both
/// directions while both app versions run, a batched backfill copies old rows, verify checks every row, and
/// the app switches to the new name; release 2's post-deploy drops the trigger and the old column.
/// </summary>
public sealed class RenameColumnWithSyncRecipe : Recipe
{
    public override string Name => Safety.Recipes.RenameColumnWithSync;

    public override int Priority => 40;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not RenameColumn rename)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = rename.TableName;
        var (old, @new) = (rename.Old, rename.New);
        var oldName = Sql.Quote(old.Name);
        var newName = Sql.Quote(@new.Name);
        var forwardAssignment = context.HintFor(table, @new.Name) is { } forwardHint
            ? ColumnConversion.AssignHint(@new.Name, forwardHint, @new)
            : ColumnConversion.Assign(@new.Name, oldName, old, @new, context);
        var backwardAssignment = context.HintFor(table, old.Name) is { } backwardHint
            ? ColumnConversion.AssignHint(old.Name, backwardHint, old)
            : ColumnConversion.Assign(old.Name, newName, @new, old, context);
        context.BackfilledColumns.Add((table, @new.Name));
        var dependents = RenamedColumnDependents.Claim(context, rename);

        // The trigger tells which name an insert wrote by which one is NULL, so while both app versions run
        // neither column has a default: the old column's default moves into the trigger (applied when an insert
        // writes neither), and the new column gets its own once the old app version is gone.
        output.Steps.Add(RecipeSteps.AddColumn(change, context, table, @new, 1, Phase.PreDeploy, $"add {table}.{newName} beside {oldName} (nullable until backfilled)"));

        var (function, trigger) = RecipeSteps.SyncNames(table, old.Name + "_" + @new.Name);
        var sync = new SyncTriggerData(table, function, trigger, [old.Name], [@new.Name], [forwardAssignment], [backwardAssignment])
        {
            InsertDefaults = old.Default is not null ? [new Assignment(old.Name, old.Default)]
                : @new.Default is not null ? [new Assignment(@new.Name, @new.Default)]
                : [],
        };
        if (old.Default is null)
        {
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, $"keep {oldName} and {newName} in step in both directions"));
        }
        else
        {
            var drop = new DropSyncTriggerData(sync.Table, sync.Function, sync.Trigger);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, "sync_trigger_" + sync.Trigger.Replace("schemaplan_sync_", "", StringComparison.Ordinal),
                $"keep {oldName} and {newName} in step in both directions; the trigger applies {oldName}'s default",
                new StepSql(new SwapData(null, [context.Render(new ColumnSql.DropDefault(table, old.Name))], sync)),
                new StepSql(new SwapData(drop, [context.Render(new ColumnSql.SetDefault(table, old.Name, old.Default))], null))) with
            {
                NeedsColumns = RecipeSteps.ColumnsReadBy(context, sync),
            });
        }

        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [forwardAssignment], 1));
        output.Steps.Add(RecipeSteps.Verify(change, table, [forwardAssignment], [], 1, context.KeyOf(table, change)));
        if (@new.Default is not null)
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, "set_default_" + @new.Name, $"give {table}.{newName} its default (the previous app version is gone)",
                RecipeSteps.Ddl(context, new ColumnSql.SetDefault(table, @new.Name, @new.Default)),
                RecipeSteps.Ddl(context, new ColumnSql.DropDefault(table, @new.Name))));
        }

        if (@new.NotNull)
        {
            foreach (var step in RecipeSteps.NotNull(change, context, table, @new.Name, 1, Phase.PostDeploy))
            {
                output.Steps.Add(step);
            }
        }

        dependents.PlanNew(change, context, output);

        output.AppInstructions.Add((1, $"Read and write {table}.{newName} instead of {oldName} (a trigger copies writes through either name while the previous version runs)."));
        output.AppInstructions.Add((2, $"Nothing new: {table}.{oldName} and its sync trigger are dropped after this release is deployed (release 1 must be fully rolled out first)."));

        RenamedColumnViews.Plan(change, context, output, table, @new.Name);

        // One transaction: without the trigger the old column would stop being filled while its constraints (a
        // NOT NULL, a foreign key from another table) still check it.
        var dropSync = new DropSyncTriggerData(sync.Table, sync.Function, sync.Trigger);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "drop_column_" + old.Name, $"drop the sync trigger and the old column {table}.{oldName} (renamed to {newName}) with its constraints",
            new StepSql(new SwapData(dropSync, [.. dependents.DropOld().Append(RecipeSteps.DropColumn(table, old.Name)).Concat(dependents.TakeNames(context)).Select(context.Render)], null)),
            null, $"{oldName} is gone; its values live on in {newName}") with
        {
            SquawkIgnores = ["ban-drop-column"],
            SquawkReason = $"the app moved to {newName} in release 1 and every row was verified equal",
        });
    }

    /// <summary>
    /// <paramref name="expression"/> (of <paramref name="from"/>'s type) converted to <paramref name="to"/>'s type as an
    /// assignment would (see <see cref="ColumnConversion"/>): never an explicit cast that truncates or pads.
    /// </summary>
    internal static string Cast(string expression, Column from, Column to, PlanningContext context) =>
        ColumnConversion.Expression(expression, from, to, context);
}
