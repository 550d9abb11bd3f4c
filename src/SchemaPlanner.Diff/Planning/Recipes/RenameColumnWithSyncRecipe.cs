using SchemaPlanner.Changes;
using SchemaPlanner.Model;
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

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not RenameColumn rename)
        {
            AsIsRecipe.AsIsStep(change, context, output);
            return;
        }

        var table = rename.TableName;
        var (old, @new) = (rename.Old, rename.New);
        var oldName = Sql.Quote(old.Name);
        var newName = Sql.Quote(@new.Name);
        var forward = context.HintFor(table, @new.Name) ?? Cast(oldName, old.Type, @new.Type);
        var backward = context.HintFor(table, old.Name) ?? Cast(newName, @new.Type, old.Type);
        context.BackfilledColumns.Add((table, @new.Name));

        var sequence = 0;
        var add = new List<string> { RecipeSteps.AddNullableColumn(table, @new) };
        if (@new.Default is not null)
        {
            add.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {newName} SET DEFAULT {@new.Default}");
        }

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, sequence++, "add_column_" + @new.Name, $"add {table}.{newName} beside {oldName} (nullable until backfilled)",
            RecipeSteps.Ddl([.. add]), RecipeSteps.Ddl(RecipeSteps.DropColumn(table, @new.Name))));

        var (function, trigger) = RecipeSteps.SyncNames(table, old.Name + "_" + @new.Name);
        var sync = new SyncTriggerData(table, function, trigger, [old.Name], [@new.Name], [new Assignment(@new.Name, forward)], [new Assignment(old.Name, backward)]);
        output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, sequence++, $"keep {oldName} and {newName} in step in both directions"));
        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [new Assignment(@new.Name, forward)], 1, sequence++));
        output.Steps.Add(RecipeSteps.Verify(change, table, [new Assignment(@new.Name, forward)], [], 1, sequence++));
        if (@new.NotNull)
        {
            foreach (var step in RecipeSteps.NotNull(change, context, table, @new.Name, 1, Phase.PostDeploy, sequence))
            {
                output.Steps.Add(step);
            }

            sequence += 3;
        }

        output.AppInstructions.Add((1, $"Read and write {table}.{newName} instead of {oldName} (a trigger copies writes through either name while the previous version runs)."));
        output.AppInstructions.Add((2, $"Nothing new: {table}.{oldName} and its sync trigger are dropped after this release is deployed (release 1 must be fully rolled out first)."));
        output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, sync, 2, Phase.PostDeploy, sequence++));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, sequence, "drop_column_" + old.Name, $"drop the old column {table}.{oldName} (renamed to {newName})",
            RecipeSteps.Ddl(RecipeSteps.DropColumn(table, old.Name)), null, $"{oldName} is gone; its values live on in {newName}") with
        {
            SquawkIgnores = ["ban-drop-column"],
            SquawkReason = $"the app moved to {newName} in release 1 and every row was verified equal",
        });
    }

    internal static string Cast(string expression, string fromType, string toType) =>
        fromType == toType ? expression : $"{expression}::{toType}";
}
