using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A column whose existing rows need values: added nullable (catalog-only), kept filled by a trigger from the
/// <c>using</c> hint while the old app version writes only the old shape (or by its volatile default for new
/// rows), backfilled in batches, verified, then NOT NULL via a validated CHECK when the desired column is NOT NULL.
/// </summary>
public sealed class AddColumnThenBackfillRecipe : Recipe
{
    public override string Name => Safety.Recipes.AddColumnThenBackfill;

    public override int Priority => 70;

    /// <summary>A new column with a <c>using</c> hint is always backfilled, even when adding it is safe.</summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is AddColumn add && context.HasHint(add.TableName, add.Column.Name);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AddColumn add)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = add.TableName;
        var column = add.Column;
        var c = Sql.Quote(column.Name);
        if (column.Generated is not null)
        {
            OfflineSteps.Add(change, context, output, "PostgreSQL fills a new generated column by rewriting the whole table under an ACCESS EXCLUSIVE lock.");
            return;
        }

        // An identity column is numbered from a helper sequence first (its default), and becomes an identity last.
        var identity = column.Identity != IdentityKind.None;
        var helper = identity ? IdentityColumnSteps.Helper(table, column) : null;
        var defaultValue = helper is null ? column.Default : IdentityColumnSteps.NextValue(helper);
        var hint = identity ? null : context.HintFor(table, column.Name);
        var volatileDefault = identity || (column.Default is not null && column.DefaultVolatility == Volatility.Volatile);
        var expression = hint ?? (volatileDefault ? defaultValue : null);
        if (expression is null)
        {
            if (column.Default is not null)
            {
                // A non-volatile default fills existing rows from the catalog: nothing to backfill.
                AsIsSteps.Add(change, context, output);
                return;
            }

            throw new SchemaPlannerException(
                ErrorKind.Planning,
                $"{table}.{c} is NOT NULL without a default, so existing rows need a value: add a hint to schemaplan.json, e.g. " +
                $"{{ \"column\": \"{table}.{c}\", \"using\": \"<SQL expression over the row>\" }}, or give the column a default");
        }

        context.BackfilledColumns.Add((table, column.Name));
        var addStatements = new List<ISqlStatement>();
        var dropStatements = new List<ISqlStatement> { RecipeSteps.DropColumn(table, column.Name) };
        if (helper is not null)
        {
            addStatements.Add(IdentityColumnSteps.CreateHelper(helper, column));
            dropStatements.Add(IdentityColumnSteps.DropHelper(helper));
        }

        addStatements.Add(RecipeSteps.AddNullableColumn(table, column));
        if (defaultValue is not null)
        {
            // SET DEFAULT after ADD COLUMN only affects new rows: no rewrite even for a volatile default.
            addStatements.Add(new ColumnSql.SetDefault(table, column.Name, defaultValue));
        }

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "add_column_" + column.Name, $"add {table}.{c} as a nullable column" + (defaultValue is null ? "" : " with its default for new rows"),
            RecipeSteps.Ddl(context, addStatements), RecipeSteps.Ddl(context, dropStatements)) with
        {
            AddsColumns = [(table, column.Name)],
        });

        SyncTriggerData? sync = null;
        if (hint is not null)
        {
            var (function, trigger) = RecipeSteps.SyncNames(table, "fill_" + column.Name);
            sync = new SyncTriggerData(table, function, trigger, [], [column.Name], [new Assignment(column.Name, hint)], []);
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, $"fill {table}.{c} from ({hint}) for rows the previous app version writes"));
            output.AppInstructions.Add((1, $"Write {table}.{c} on insert and update (until this release is fully deployed, a trigger computes it as {hint} for rows the previous version writes)."));
        }

        // Only rows still NULL are filled and checked: a value the new app version wrote itself (which the hint
        // need not reproduce, e.g. a name the split cannot undo) is never overwritten or reported as wrong.
        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [new Assignment(column.Name, expression)], 1, onlyWhereNull: true));
        var check = column.NotNull
            ? new VerifyCheck($"NOT EXISTS (SELECT 1 FROM {table.Sql} WHERE {c} IS NULL)", $"{table}.{column.Name} still has NULLs; re-run the backfill (or fix the rows where {expression} is NULL)")
            : new VerifyCheck($"NOT EXISTS (SELECT 1 FROM {table.Sql} WHERE {c} IS NULL AND ({expression}) IS NOT NULL)", $"{table}.{column.Name} is not filled everywhere; re-run the backfill");
        output.Steps.Add(RecipeSteps.Verify(change, table, [], [check], 1) with { Name = "verify_" + column.Name });

        if (column.NotNull)
        {
            foreach (var step in RecipeSteps.NotNull(change, context, table, column.Name, 1, Phase.PostDeploy))
            {
                output.Steps.Add(step);
            }
        }

        if (identity)
        {
            output.Steps.Add(IdentityColumnSteps.MakeIdentity(change, context, table, column, 1, Phase.PostDeploy));
            output.AppInstructions.Add((1, $"Leave {table}.{c} to the database on insert: it is numbered by a sequence now and becomes an identity column after this release."));
        }

        if (sync is not null)
        {
            output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, sync, 1, Phase.PostDeploy));
        }
    }
}
