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
/// integer → bigint on a primary key, with the foreign keys that reference it. Release 1 pre-deploy adds a
/// bigint shadow column beside the key and beside every referencing column that widens in the same diff, with a
/// trigger per table copying the key into its shadow; each table is backfilled in batches and verified. Release 1
/// post-deploy sets NOT NULL on the shadows (through a validated CHECK), builds the unique index of the new key
/// and copies of the other indexes on the shadows CONCURRENTLY, then one short transaction locks the tables
/// parent → child, drops the foreign keys and the old key, renames the columns (<c>col</c> → <c>col_sp_old</c>,
/// shadow → <c>col</c>), moves the serial sequence (<c>AS bigint</c>, <c>OWNED BY</c> the new column) or the
/// identity, sets the defaults, adds the key back <c>USING INDEX</c>, re-adds the foreign keys NOT VALID and
/// installs a trigger that keeps the retired columns filled for a rollback; the foreign keys are validated in
/// steps of their own. Release 2 post-deploy drops the retired columns and their triggers.
/// </summary>
/// <remarks>
/// Every release-1 step has a down file. The swap's down needs the old key's unique index and NOT NULL back
/// without a long lock: steps after the swap do nothing on the way up and, on the way down (they run before
/// the swap's down), build that index concurrently and validate a NOT NULL check on the retired columns.
/// While the swap is in place the retired columns hold the new values that fit the old type (NULL otherwise:
/// a rollback after keys outgrew the old type fails on that check rather than losing rows).
/// </remarks>
public sealed class BigintPrimaryKeyRecipe : Recipe
{
    public override string Name => Safety.Recipes.BigintPrimaryKey;

    public override int Priority => 20;

    /// <summary>
    /// A key that widens together with a column referencing it moves with it, even when the key's own table is small
    /// enough for its change to be safe alone: the foreign key ties the two.
    /// </summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is AlterColumn alter && KeyWidening.WithReferences(alter, context);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Type)
            || !TypeChanges.IsIntegerWidening(alter.Old.Type, alter.New.Type)
            || context.From.FindTable(alter.TableName)?.PrimaryKey is not { } primaryKey
            || !primaryKey.Columns.Contains(alter.Old.Name))
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var group = BigintKeyGroup.Build(alter, context);
        var parent = alter.TableName;

        // ---- release 1, pre-deploy: shadow columns and the triggers that fill them ----------------------------
        foreach (var table in group.ShadowedTables)
        {
            var columns = group.Columns[table];
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, StepNames.Slug("add_shadow_" + table.Name), $"add bigint shadow column(s) {RecipeSteps.List(columns.Select(c => c.Shadow))} to {table} (nullable until backfilled)",
                RecipeSteps.Ddl(context, columns.Select(c => RecipeSteps.AddNullableColumn(table, c.Desired with { Name = c.Shadow, Collation = null }))),
                RecipeSteps.Ddl(context, columns.Select(c => RecipeSteps.DropColumn(table, c.Shadow)))));
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, group.Sync(table), 1, Phase.PreDeploy, $"copy {RecipeSteps.List(columns.Select(c => c.Old.Name))} of every write on {table} into the bigint shadow(s)"));
            foreach (var column in columns)
            {
                context.BackfilledColumns.Add((table, column.Desired.Name));
            }
        }

        // ---- backfill and verify -------------------------------------------------------------------------------
        foreach (var table in group.ShadowedTables)
        {
            output.Steps.Add(RecipeSteps.Backfill(change, context, table, group.Forward(table), 1));
        }

        foreach (var table in group.ShadowedTables)
        {
            output.Steps.Add(RecipeSteps.Verify(change, table, group.Forward(table), [], 1));
        }

        // ---- release 1, post-deploy: NOT NULL and indexes on the shadows ---------------------------------------
        foreach (var column in group.All.Where(c => c.Desired.NotNull))
        {
            foreach (var step in RecipeSteps.NotNull(change, context, column.Table, column.Shadow, 1, Phase.PostDeploy))
            {
                output.Steps.Add(step);
            }
        }

        foreach (var key in group.Keys.Where(k => k.Desired is not null))
        {
            IndexBuildSteps.AddKeyIndex(
                change, context, output, key.Table, key.Copy, key.CopyDefinition, 1, Phase.PostDeploy,
                $"build the unique index of the new {KeyKind(key.Old)} {Sql.Quote(key.Desired!.Name)} on {key.Table} concurrently, over the shadow column(s)");
        }

        foreach (var index in group.Indexes)
        {
            IndexBuildSteps.AddIndex(
                change, context, output, index.Table, index.Copy, index.CopyDefinition, index.Desired.Unique, 1, Phase.PostDeploy,
                $"build {index.Copy} on the shadow column(s), a copy of {index.Desired.Name}");
        }

        // On the way down this runs after the swap's down: the original constraints come back NOT VALID there.
        var revalidate = group.Constraints.Where(c => c.Old.Validated).ToList();
        if (revalidate.Count > 0)
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, StepNames.Slug("rollback_validate_" + parent.Name), $"(rollback only) validate {RecipeSteps.List(revalidate.Select(c => c.Old.Name))} again once the swap is undone",
                RecipeSteps.Ddl(),
                RecipeSteps.Ddl(context, revalidate.Select(c => new ConstraintSql.Validate(c.Table, c.Old.Name)))) with { StatementTimeout = "0" });
        }

        var swapTitle = $"swap {RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Old.Name)))} to bigint in one short transaction (locks {RecipeSteps.List(group.LockOrder.Select(t => t.ToString()))})";
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, StepNames.Slug("swap_" + parent.Name + "_" + alter.Old.Name), swapTitle,
            new StepSql(group.SwapUp()),
            new StepSql(group.SwapDown())));

        foreach (var step in RollbackSteps.RollbackNotNull(change, context, group.All.Where(c => c.Old.NotNull).Select(c => (c.Table, c.Retired)).ToList(), 1))
        {
            output.Steps.Add(step);
        }

        foreach (var key in group.Keys)
        {
            IndexBuildSteps.AddRollbackKeyIndex(change, context, output, key.Table, key.RollbackCopy, key.RollbackDefinition, 1,
                $"(rollback only) rebuild the unique index of the original {KeyKind(key.Old)} {Sql.Quote(key.Old.Name)} on {key.Table} concurrently, over the retired column(s)");
        }

        foreach (var constraint in group.Constraints.Where(c => c.Desired is { Validated: true }))
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, StepNames.Slug("validate_" + constraint.Desired!.Name), $"validate {Sql.Quote(constraint.Desired.Name)} on {constraint.Table} (re-added NOT VALID by the swap; scans without blocking writes)",
                RecipeSteps.Ddl(context, new ConstraintSql.Validate(constraint.Table, constraint.Desired.Name)),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        // ---- release 2, post-deploy: drop the retired columns --------------------------------------------------
        foreach (var table in group.ShadowedTables)
        {
            var columns = group.Columns[table];
            output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, group.Keep(table), 2, Phase.PostDeploy));
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 2, Phase.PostDeploy, StepNames.Slug("drop_retired_" + table.Name), $"drop the retired column(s) {RecipeSteps.List(columns.Select(c => c.Retired))} of {table}",
                RecipeSteps.Ddl(context, columns.Select(c => RecipeSteps.DropColumn(table, c.Retired))), null,
                $"the retired {RecipeSteps.List(columns.Select(c => c.Retired))} are gone; {RecipeSteps.List(columns.Select(c => c.Old.Name))} hold every value as {RecipeSteps.List(columns.Select(c => c.Desired.Type).Distinct())}") with
            {
                SquawkIgnores = ["ban-drop-column"],
                SquawkReason = "the retired integer copies are no longer read by any app version",
            });
        }

        var widened = RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Old.Name)));
        output.AppInstructions.Add((1, $"Handle {widened} as 64-bit integers (bigint): the columns switch from integer to bigint in this release's post-deploy; names, values and the sequence stay."));
        output.AppInstructions.Add((2, $"Nothing new: the retired integer copies ({RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Retired)))}) are dropped after this release is deployed."));
        RecipeSteps.SlugNames(change, output);
    }

    private static string KeyKind(Constraint constraint) => constraint.Kind == ConstraintKind.PrimaryKey ? "primary key" : "unique constraint";
}
