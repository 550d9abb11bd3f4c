using SchemaPlanner.Sources.Scripts;
using System.Text.RegularExpressions;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Enum labels removed, renamed or reordered, through a new type. Release 1 pre-deploy creates the new type under
/// a temporary name (<c>&lt;name&gt;_sp_new</c>) and, for every column of the old type, a shadow column of the new
/// type with a trigger keeping it in step: forward through the column's <c>using</c> hint (an expression over the
/// row giving the new label as text, e.g. <c>CASE mood::text WHEN 'ok' THEN 'fine' ELSE mood::text END</c>) or
/// <c>col::text</c>; backward <c>shadow::text::oldtype</c>. A value the new type has no label for never breaks a
/// write: the trigger leaves the shadow NULL. The backfill then copies every row in batches and verify checks
/// them: both first check that every value has a label in the new type and stop with a message naming the
/// column and the hint to add when one does not (a removed value still in the rows and not mapped by a hint);
/// the backfill's cast would fail on such a row as well. Release 1 post-deploy swaps the columns in one short
/// transaction for all tables (defaults set again in the new type, views re-created, a trigger keeping the retired
/// column filled for a rollback) that also moves the type names: the old type becomes <c>&lt;name&gt;_sp_old</c>
/// and the new one takes the name, so the name always means the type the columns have. Release 2 post-deploy
/// drops the retired columns and the retired type.
/// </summary>
public sealed partial class EnumNewTypeRecipe : Recipe
{
    public override string Name => Safety.Recipes.EnumNewType;

    public override int Priority => 60;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not ReplaceEnum replace)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var oldType = replace.Old.Name;
        var newType = new QualifiedName(oldType.Schema, Sql.ShortName(oldType.Name + "_sp_new"));
        var retiredType = new QualifiedName(oldType.Schema, Sql.ShortName(oldType.Name + "_sp_old"));
        var columns = Columns(context, replace, newType);
        var tables = columns.Select(c => c.Table).Distinct().ToList();

        // ---- release 1, pre-deploy: the new type, shadow columns and their triggers ----------------------------
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, StepNames.Slug("create_type_" + newType.Name), $"create the new enum under a temporary name: {newType} ({string.Join(", ", replace.New.Values)})",
            RecipeSteps.Ddl(context, new TypeSql.CreateEnumIfMissing(newType, replace.New.Values, "create_type")),
            RecipeSteps.Ddl(context, new TypeSql.Drop(newType, IfExists: true))));

        // New tables with a column of the enum are created with the new type (it takes the final name in release 2).
        foreach (var created in context.Changes.Where(c => c.Change is CreateTable t && t.Definition.Columns.Any(col => col.TypeName == oldType) && !context.IsClaimed(c.Change)))
        {
            var definition = ((CreateTable)created.Change).Definition;
            var retyped = definition with
            {
                Columns = definition.Columns.Select(col => col.TypeName != oldType ? col : col with
                {
                    Type = RetypeType(col.Type, oldType, newType),
                    Default = col.Default is null ? null : Retype(col.Default, oldType, newType),
                }).ToEquatableArray(),
                Constraints = definition.Constraints.Select(con => con with { Definition = Retype(con.Definition, oldType, newType) }).ToEquatableArray(),
            };
            context.Claim(created.Change);
            output.Steps.Add(AsIsSteps.Step(created, context, 1, Phase.PreDeploy, new CreateTable(retyped)));
        }

        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, StepNames.Slug("add_shadow_" + table.Name), $"add shadow column(s) {RecipeSteps.List(of.Select(c => c.Shadow))} of type {newType} to {table} (nullable until backfilled)",
                RecipeSteps.Ddl(context, of.Select(c => RecipeSteps.AddNullableColumn(table, c.Desired with { Name = c.Shadow, Type = c.NewTypeSql, Collation = null }))),
                RecipeSteps.Ddl(context, of.Select(c => RecipeSteps.DropColumn(table, c.Shadow)))));
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, Sync(table, of), 1, Phase.PreDeploy, $"keep {RecipeSteps.List(of.Select(c => c.Shadow))} in step with {RecipeSteps.List(of.Select(c => c.Old.Name))} on {table}"));
            foreach (var column in of)
            {
                context.BackfilledColumns.Add((table, column.Desired.Name));
            }
        }

        // ---- backfill and verify -------------------------------------------------------------------------------
        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            output.Steps.Add(RecipeSteps.Verify(change, table, [], [.. of.Select(c => c.LabelCheck(replace.New))], 1) with
            {
                Phase = Phase.Backfill,
                Name = StepNames.Slug("check_labels_" + table.Name),
                Title = $"check that every value of {RecipeSteps.List(of.Select(c => table.Member(c.Old.Name)))} has a label in the new {oldType}",
            });
            output.Steps.Add(RecipeSteps.Backfill(change, context, table, [.. of.Select(c => new Assignment(c.Shadow, c.Strict))], 1));
        }

        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            var checks = of.Select(c => c.LabelCheck(replace.New))
                .Concat(of.Select(c => new VerifyCheck(
                    $"NOT EXISTS (SELECT 1 FROM {table.Sql} WHERE {Sql.Quote(c.Shadow)} IS DISTINCT FROM ({c.Strict}))",
                    $"verify failed: rows of {table} have {c.Shadow} different from {c.Strict}; re-run the backfill")))
                .ToList();
            output.Steps.Add(RecipeSteps.Verify(change, table, [], checks, 1) with
            {
                Name = StepNames.Slug("verify_" + string.Join("_", of.Select(c => c.Shadow))),
                Title = $"verify {table}: {RecipeSteps.List(of.Select(c => $"{c.Shadow} = {c.Strict}"))}",
            });
        }

        // ---- release 1, post-deploy: NOT NULL, indexes, then one swap per table --------------------------------
        foreach (var column in columns.Where(c => c.Desired.NotNull))
        {
            foreach (var step in RecipeSteps.NotNull(change, context, column.Table, column.Shadow, 1, Phase.PostDeploy))
            {
                output.Steps.Add(step);
            }
        }

        var indexes = new List<(QualifiedName Table, Model.Index Old, string Copy, string Retired)>();
        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            var desiredTable = context.To.FindTable(table);
            foreach (var index in context.From.FindTable(table)!.Indexes.Where(i => i.Constraint is null && of.Any(c => SqlIdentifiers.Mentions(i.Definition, c.Old.Name))))
            {
                var desired = desiredTable?.Indexes.FirstOrDefault(i => i.Name == index.Name && i.Constraint is null);
                if (desired is null)
                {
                    continue;
                }

                var copy = Sql.ShortName(index.Name + "_sp_new");
                var definition = SqlIdentifiers.Rename(Retype(desired.Definition, oldType, newType), desired.Name, copy);
                foreach (var column in of)
                {
                    definition = SqlIdentifiers.Rename(definition, column.Old.Name, column.Shadow);
                }

                indexes.Add((table, index, copy, Sql.ShortName(index.Name + "_sp_old")));
                IndexBuildSteps.AddIndex(change, context, output, table, copy, definition, index.Unique, 1, Phase.PostDeploy, $"build {copy} on the shadow column(s), a copy of {index.Name}");
            }
        }

        var allViews = new List<View>();
        var swapUp = new List<string>();
        var swapDown = new List<string>();
        var syncs = new List<SyncTriggerData>();
        var keeps = new List<SyncTriggerData>();
        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            var onTable = indexes.Where(i => i.Table == table).ToList();
            var viewsUp = DependentViews.Of(context.To, [table]);
            var viewsDown = DependentViews.Of(context.From, [table]);
            allViews.AddRange(viewsUp.Concat(viewsDown));
            var t = table.Sql;

            var up = new List<string>();
            up.AddRange(viewsDown.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
            foreach (var c in of)
            {
                var name = Sql.Quote(c.Old.Name);
                if (c.Old.Default is not null)
                {
                    up.Add(context.Render(new ColumnSql.DropDefault(table, c.Old.Name)));
                }

                up.Add(context.Render(new ColumnSql.Rename(table, c.Old.Name, c.Retired)));
                up.Add(context.Render(new ColumnSql.Rename(table, c.Shadow, c.Old.Name)));
                if (c.Old.NotNull)
                {
                    up.Add(context.Render(new ColumnSql.DropNotNull(table, c.Retired)));
                }

                if (c.Desired.Default is not null)
                {
                    // The default names the final type, which is still the old one until release 2 renames it.
                    up.Add(context.Render(new ColumnSql.SetDefault(table, c.Old.Name, Retype(c.Desired.Default, oldType, newType))));
                }
            }

            foreach (var index in onTable)
            {
                up.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Old.Name), index.Retired)));
                up.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Copy), index.Old.Name)));
            }

            up.AddRange(viewsUp.SelectMany(v => context.Ddl.Statements(new CreateView(v with { Definition = Retype(v.Definition, oldType, newType) }), context.From, context.To)));

            var down = new List<string>();
            down.AddRange(viewsUp.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
            foreach (var index in onTable)
            {
                down.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Old.Name), index.Copy)));
                down.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Retired), index.Old.Name)));
            }

            foreach (var c in of)
            {
                var name = Sql.Quote(c.Old.Name);
                if (c.Desired.Default is not null)
                {
                    down.Add(context.Render(new ColumnSql.DropDefault(table, c.Old.Name)));
                }

                down.Add(context.Render(new ColumnSql.Rename(table, c.Old.Name, c.Shadow)));
                down.Add(context.Render(new ColumnSql.Rename(table, c.Retired, c.Old.Name)));
                if (c.Old.NotNull)
                {
                    down.AddRange(RollbackSteps.RestoreNotNull(table, c.Old.Name, c.Retired).Select(context.Render));
                }

                if (c.Old.Default is not null)
                {
                    down.Add(context.Render(new ColumnSql.SetDefault(table, c.Old.Name, c.Old.Default)));
                }
            }

            down.AddRange(viewsDown.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.To, context.From)));

            swapUp.AddRange(up);
            swapDown.AddRange(down);
            syncs.Add(Sync(table, of));
            keeps.Add(Keep(table, of, retiredType));
        }

        if (tables.Count > 0)
        {
            // The enum's name moves with the columns, in the same transaction as every table's swap: at no moment
            // does the name mean a type the columns do not have, so casts, parameters typed by name and ORM enum
            // mappings keep working. The swap of all tables is one transaction for the same reason.
            swapUp.Add(context.Render(new TypeSql.Rename(oldType, retiredType.Name)));
            swapUp.Add(context.Render(new TypeSql.Rename(newType, oldType.Name)));
            swapDown.InsertRange(0, [
                context.Render(new TypeSql.Rename(oldType, newType.Name)),
                context.Render(new TypeSql.Rename(retiredType, oldType.Name)),
            ]);
            var first = columns[0];
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, StepNames.Slug("swap_" + oldType.Name), $"swap {RecipeSteps.List(columns.Select(c => c.Table.Member(c.Old.Name)))} to the new {oldType}, and the type names, in one short transaction",
                new StepSql(new SwapTablesData(
                    context.Render(new GuardSql.ColumnExists(first.Table, first.Shadow, Negated: true)),
                    $"nothing to swap: {first.Table}.{first.Shadow} is gone (the swap already ran)",
                    [.. tables.Select(t => context.Render(new TableSql.Lock(t)))],
                    [.. syncs.Select(sync => new DropSyncTriggerData(sync.Table, sync.Function, sync.Trigger))],
                    swapUp,
                    keeps)),
                new StepSql(new SwapTablesData(
                    context.Render(new GuardSql.ColumnExists(first.Table, first.Retired, Negated: true)),
                    $"nothing to undo: {first.Table}.{first.Retired} is gone (the swap was undone already)",
                    [.. tables.Select(t => context.Render(new TableSql.Lock(t)))],
                    [.. keeps.Select(keep => new DropSyncTriggerData(keep.Table, keep.Function, keep.Trigger))],
                    swapDown,
                    syncs))));
        }

        DependentViews.Claim(context, allViews);
        foreach (var step in RollbackSteps.RollbackNotNull(change, context, columns.Where(c => c.Old.NotNull).Select(c => (c.Table, c.Retired)).ToList(), 1))
        {
            output.Steps.Add(step);
        }

        // ---- release 2, post-deploy: drop the retired columns, then the old type; the new one takes its name ---
        foreach (var table in tables)
        {
            var of = columns.Where(c => c.Table == table).ToList();
            output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, Keep(table, of, retiredType), 2, Phase.PostDeploy));
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 2, Phase.PostDeploy, StepNames.Slug("drop_retired_" + table.Name), $"drop the retired column(s) {RecipeSteps.List(of.Select(c => c.Retired))} of {table} (old type, now {retiredType})",
                RecipeSteps.Ddl(context, of.Select(c => RecipeSteps.DropColumn(table, c.Retired))), null,
                $"the retired {RecipeSteps.List(of.Select(c => c.Retired))} (old labels) are gone") with
            {
                SquawkIgnores = ["ban-drop-column"],
                SquawkReason = "the retired copies of the old enum are no longer read by any app version",
            });
        }

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, StepNames.Slug("drop_type_" + retiredType.Name), $"drop the old enum, retired as {retiredType}",
            RecipeSteps.Ddl(context, new TypeSql.Drop(retiredType, IfExists: true)),
            RecipeSteps.Ddl(context, new TypeSql.CreateEnumIfMissing(retiredType, replace.Old.Values, "retired_type"))));

        var common = replace.Old.Values.Where(replace.New.Values.Contains).ToList();
        var names = RecipeSteps.List(columns.Select(c => c.Table.Member(c.Old.Name)));
        if (columns.Count > 0)
        {
            output.AppInstructions.Add((1, $"Read {names} as either the old labels of {oldType} ({string.Join(", ", replace.Old.Values)}) or the new ones ({string.Join(", ", replace.New.Values)}), and write only labels both have ({(common.Count == 0 ? "none" : string.Join(", ", common))}): the columns switch to the new type in this release's post-deploy."));
            output.AppInstructions.Add((1, $"After this release's post-deploy {oldType} is a new type (new OID) under the same name: clients that cache type OIDs (Npgsql MapEnum / DataTypeName, JDBC) reconnect or reload types (NpgsqlConnection.ReloadTypes())."));
            output.AppInstructions.Add((2, $"Use the new labels of {oldType} freely; the retired copies with the old labels and the old type are dropped after this release is deployed."));
        }

        RecipeSteps.SlugNames(change, output);
    }
}
