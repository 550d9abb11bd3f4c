using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Dropping a column or a table: release 1's app stops using it (a NOT NULL column loses NOT NULL first so the
/// new app can insert without it; a <c>using</c> hint keeps it filled from the new columns while old readers
/// remain); release 2's post-deploy drops it.
/// </summary>
public sealed class StopUsingThenDropRecipe : Recipe
{
    public override string Name => Safety.Recipes.StopUsingThenDrop;

    public override int Priority => 80;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        switch (change.Change)
        {
            case DropColumn drop:
                PlanColumn(change, drop, context, output);
                break;
            case DropTable drop when context.Changes.Any(c => c.Change is CreateView v && v.View.Name == drop.Definition.Name):
                // A view takes the table's name in this diff: the table must be gone before the view is created,
                // so the drop cannot wait for release 2. Readers of the name read the view from then on.
                output.AppInstructions.Add((1, $"Table {drop.Definition.Name} becomes a view before this release is deployed: stop writing to it."));
                output.Steps.Add(RecipeSteps.Locking(
                    change, context, 1, Phase.PreDeploy, "drop_table_" + drop.Definition.Name.Name, $"drop table {drop.Definition.Name} (a view of the same name replaces it)",
                    AsIsSteps.Ddl(drop, context), null, "the table's rows are lost; restore them from the backup taken before this step") with
                {
                    SquawkIgnores = ["ban-drop-table"],
                    SquawkReason = "the desired schema replaces the table by a view of the same name",
                });
                break;
            case DropTable drop:
                output.AppInstructions.Add((1, $"Stop reading and writing table {drop.Definition.Name} (it is dropped after release 2 is deployed)."));
                output.Steps.Add(RecipeSteps.Locking(
                    change, context, 2, Phase.PostDeploy, "drop_table_" + drop.Definition.Name.Name, $"drop table {drop.Definition.Name} (no app version uses it any more)",
                    AsIsSteps.Ddl(drop, context), null, "the table's rows are lost; restore them from the backup taken before this step") with
                {
                    SquawkIgnores = ["ban-drop-table"],
                    SquawkReason = "release 1 stopped using the table; dropping it is the planned contract step",
                });
                break;
            default:
                PlanOther(change, context, output);
                break;
        }
    }

    /// <summary>
    /// Views, functions, policies, sequences, extensions, schemas: release 1 stops using the object, release 2's
    /// post-deploy drops it. When the same object is re-created by this diff (a replacement), drop and create
    /// stay together in release 1.
    /// </summary>
    private static void PlanOther(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        var inverse = Ddl.DdlWriter.Reverse(change.Change).Inverse;
        var recreated = inverse is not null && context.Changes.Any(c => !ReferenceEquals(c.Change, change.Change) && c.Change.Kind == inverse.Kind && c.Change.Object == change.Change.Object);
        if (recreated)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        output.AppInstructions.Add((1, $"Stop using {change.Change.Object} (it is dropped after release 2 is deployed)."));
        output.Steps.Add(AsIsSteps.Step(change, context, 2, Phase.PostDeploy));
    }

    private static void PlanColumn(ClassifiedChange change, DropColumn drop, PlanningContext context, RecipeOutput output)
    {
        var table = drop.TableName;
        var column = drop.Column;
        var c = Sql.Quote(column.Name);
        output.AppInstructions.Add((1, $"Stop reading and writing {table}.{c} (it is dropped after release 2 is deployed)."));
        var hint = context.HintFor(table, column.Name);
        if (column.NotNull && column.Default is null && column.Generated is null && column.Identity == IdentityKind.None)
        {
            // Rows the new version inserts have no value here unless a hint computes one: NOT NULL cannot come back then.
            var down = hint is null ? null : RecipeSteps.Ddl(context, new ColumnSql.SetNotNull(table, column.Name));
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, "drop_not_null_" + column.Name, $"drop NOT NULL on {table}.{c} so the new app version can insert without it",
                RecipeSteps.Ddl(context, new ColumnSql.DropNotNull(table, column.Name)),
                down,
                $"rows the new app version inserts have no value in {c}, so NOT NULL cannot be restored once it has written; a rollback keeps the column nullable") with
            {
                SquawkIgnores = ["ban-drop-not-null"],
                SquawkReason = $"the new app version stops writing {c}; the column itself is dropped in release 2",
            });
        }

        SyncTriggerData? sync = null;
        if (hint is { } expression)
        {
            // Old readers still read the column: keep it computed from the new columns until it is dropped.
            var (function, trigger) = RecipeSteps.SyncNames(table, "keep_" + column.Name);
            sync = new SyncTriggerData(table, function, trigger, [], [column.Name], [new Assignment(column.Name, expression)], []);
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, $"keep {table}.{c} filled from ({expression}) while old readers remain"));
        }

        if (sync is not null)
        {
            output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, sync, 2, Phase.PostDeploy));
        }

        // A child table that keeps the column (as its own) must not lose it with the parent's.
        var childKeepsIt = context.To.Tables.Any(t => t.Inherits.Contains(table) && t.FindColumn(column.Name) is not null);
        var dropSql = RecipeSteps.DropColumn(table, column.Name) with { Only = childKeepsIt };
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "drop_column_" + column.Name, $"drop column {table}.{c} (no app version uses it any more)",
            RecipeSteps.Ddl(context, dropSql), null, "the column's values are lost; restore them from the backup taken before this step") with
        {
            SquawkIgnores = ["ban-drop-column"],
            SquawkReason = "release 1 stopped using the column; dropping it is the planned contract step",
        });
    }
}
