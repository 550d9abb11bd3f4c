using System.Text.RegularExpressions;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A type change that would rewrite the table: a shadow column of the new type, a trigger keeping it in step
/// (the <c>using</c> hint or a plain cast forward, a cast back), a batched backfill and verify; in release 1's
/// post-deploy the indexes are rebuilt concurrently on the shadow and one short transaction swaps the names
/// (a trigger then keeps the retired column filled for a rollback); release 2 drops the retired column.
/// </summary>
public sealed class ShadowColumnTypeChangeRecipe : Recipe
{
    public override string Name => Safety.Recipes.ShadowColumnTypeChange;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterColumn alter || !alter.Changed.HasFlag(ColumnChange.Type))
        {
            AsIsRecipe.AsIsStep(change, context, output);
            return;
        }

        var table = alter.TableName;
        var (old, desired) = (alter.Old, alter.New);
        var column = Sql.Quote(old.Name);
        var shadowName = Sql.ShortName(old.Name + "_sp_new");
        var retiredName = Sql.ShortName(old.Name + "_sp_old");
        var shadow = Sql.Quote(shadowName);
        var retired = Sql.Quote(retiredName);
        var forward = context.HintFor(table, desired.Name) ?? RenameColumnWithSyncRecipe.Cast(column, old, desired, context);
        var backward = RenameColumnWithSyncRecipe.Cast(shadow, desired, old, context);
        context.BackfilledColumns.Add((table, desired.Name));
        var sequence = 0;

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, sequence++, "add_shadow_" + old.Name, $"add the shadow column {table}.{shadow} {desired.Type}",
            RecipeSteps.Ddl(RecipeSteps.AddNullableColumn(table, desired with { Name = shadowName })),
            RecipeSteps.Ddl(RecipeSteps.DropColumn(table, shadowName))));
        var (function, trigger) = RecipeSteps.SyncNames(table, "type_" + old.Name);
        var sync = new SyncTriggerData(table, function, trigger, [old.Name], [shadowName], [new Assignment(shadowName, forward)], [new Assignment(old.Name, backward)]);
        output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, sequence++, $"keep {shadow} = {forward} in step with {column}"));
        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [new Assignment(shadowName, forward)], 1, sequence++));
        output.Steps.Add(RecipeSteps.Verify(change, table, [new Assignment(shadowName, forward)], [], 1, sequence++));

        if (desired.NotNull)
        {
            foreach (var step in RecipeSteps.NotNull(change, context, table, shadowName, 1, Phase.PostDeploy, sequence))
            {
                output.Steps.Add(step);
            }

            sequence += 3;
        }

        // Indexes follow a column through a rename, so copies are built on the shadow before the swap.
        var fromTable = context.From.FindTable(table)!;
        var indexes = fromTable.Indexes.Where(i => i.Constraint is null && Mentions(i.Definition, old.Name)).ToList();
        foreach (var index in indexes)
        {
            var copy = new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_new"));
            var definition = ReplaceIdentifier(index.Definition, index.Name, copy.Name);
            definition = ReplaceIdentifier(definition, old.Name, shadowName);
            output.Steps.Add(RecipeSteps.CreateIndexConcurrently(change, copy, definition, 1, Phase.PostDeploy, sequence++, $"build {copy} on the shadow column, a copy of {index.Name}"));
        }

        // Foreign keys and checks stay with the column they were made on (the retired one after the renames):
        // the swap moves them to the new column NOT VALID, and a step right after it validates them. Those the
        // diff itself replaces or drops are left to their own changes.
        var toTable = context.To.FindTable(table);
        var moved = fromTable.Constraints
            .Where(c => c.Kind is ConstraintKind.ForeignKey or ConstraintKind.Check && c.Columns.Contains(old.Name))
            .ToList();
        var readded = moved
            .Select(c => toTable?.Constraints.FirstOrDefault(d => d.Name == c.Name))
            .OfType<Constraint>()
            .Where(d => !context.Changes.Any(c => c.Change is AddConstraint a && a.TableName == table && a.Constraint.Name == d.Name))
            .ToList();

        var views = DependentViews(context.To, table);
        var up = new List<string> { $"LOCK TABLE {table.Sql} IN ACCESS EXCLUSIVE MODE" };
        up.AddRange(views.AsEnumerable().Reverse().Select(DropViewStatement));
        up.AddRange(moved.Select(c => $"ALTER TABLE {table.Sql} DROP CONSTRAINT IF EXISTS {Sql.Quote(c.Name)}"));
        up.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} DROP DEFAULT");
        up.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} DROP NOT NULL");
        up.Add($"ALTER TABLE {table.Sql} RENAME COLUMN {column} TO {retired}");
        up.Add($"ALTER TABLE {table.Sql} RENAME COLUMN {shadow} TO {column}");
        if (desired.Default is not null)
        {
            up.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} SET DEFAULT {desired.Default}");
        }

        up.AddRange(readded.Select(c => $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(c.Name)} {c.Definition} NOT VALID"));

        foreach (var index in indexes)
        {
            up.Add($"ALTER INDEX {new QualifiedName(table.Schema, index.Name).Sql} RENAME TO {Sql.Quote(Sql.ShortName(index.Name + "_sp_old"))}");
            up.Add($"ALTER INDEX {new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_new")).Sql} RENAME TO {Sql.Quote(index.Name)}");
        }

        up.AddRange(views.SelectMany(v => DdlWriter.Statements(new CreateView(v), context.From, context.To)));

        var down = new List<string> { $"LOCK TABLE {table.Sql} IN ACCESS EXCLUSIVE MODE" };
        down.AddRange(views.AsEnumerable().Reverse().Select(DropViewStatement));
        down.AddRange(readded.Select(c => $"ALTER TABLE {table.Sql} DROP CONSTRAINT IF EXISTS {Sql.Quote(c.Name)}"));
        foreach (var index in indexes)
        {
            down.Add($"ALTER INDEX {new QualifiedName(table.Schema, index.Name).Sql} RENAME TO {Sql.Quote(Sql.ShortName(index.Name + "_sp_new"))}");
            down.Add($"ALTER INDEX {new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_old")).Sql} RENAME TO {Sql.Quote(index.Name)}");
        }

        down.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} DROP DEFAULT");
        down.Add($"ALTER TABLE {table.Sql} RENAME COLUMN {column} TO {shadow}");
        down.Add($"ALTER TABLE {table.Sql} RENAME COLUMN {retired} TO {column}");
        if (old.Default is not null)
        {
            down.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} SET DEFAULT {old.Default}");
        }

        if (old.NotNull)
        {
            down.Add($"ALTER TABLE {table.Sql} ALTER COLUMN {column} SET NOT NULL");
        }

        down.AddRange(moved.Select(c => $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(c.Name)} {c.Definition}{(c.Validated ? "" : " NOT VALID")}"));

        down.AddRange(views.SelectMany(v => DdlWriter.Statements(new CreateView(v), context.From, context.From)));
        // For a rollback of release 1, the retired column keeps the old-typed value of every new write.
        var (keepFunction, keepTrigger) = RecipeSteps.SyncNames(table, "retired_" + old.Name);
        var keep = new SyncTriggerData(table, keepFunction, keepTrigger, [], [retiredName], [new Assignment(retiredName, RenameColumnWithSyncRecipe.Cast(column, desired, old, context))], []);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, sequence++, "swap_" + old.Name, $"swap {table}.{column} to the new type {desired.Type} in one short transaction",
            new StepSql("swap", new SwapData(new DropSyncTriggerData(table, function, trigger), up, keep, RecipeSteps.ColumnExists(table, retiredName))),
            new StepSql("swap", new SwapData(new DropSyncTriggerData(table, keepFunction, keepTrigger), down, sync, "NOT " + RecipeSteps.ColumnExists(table, retiredName)))) with
        {
            SquawkIgnores = ["renaming-column", "ban-drop-not-null"],
            SquawkReason = $"the verified shadow column takes the name {column} in one short transaction; the retired copy loses NOT NULL because nothing writes it but the rollback trigger",
        });
        foreach (var constraint in readded.Where(c => c.Validated))
        {
            var name = Sql.Quote(constraint.Name);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, sequence++, "validate_" + constraint.Name, $"validate {name} on {table} after the swap (scans without blocking writes)",
                RecipeSteps.Ddl($"ALTER TABLE {table.Sql} VALIDATE CONSTRAINT {name}"),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        output.AppInstructions.Add((1, $"Work with {table}.{column} as either {old.Type} or {desired.Type}: its type switches in this release's post-deploy."));
        output.AppInstructions.Add((2, $"Nothing new: the retired {table}.{retired} ({old.Type}) is dropped after this release is deployed."));
        output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, keep, 2, Phase.PostDeploy, sequence++));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, sequence, "drop_column_" + retiredName, $"drop the retired column {table}.{retired}",
            RecipeSteps.Ddl(RecipeSteps.DropColumn(table, retiredName)), null, $"{retired} is gone; {column} holds every value in the new type") with
        {
            SquawkIgnores = ["ban-drop-column"],
            SquawkReason = $"the retired copy of {column} is no longer read by any app version",
        });
        // The views over the table are re-created inside the swap: they stay as they are until then.
        foreach (var viewChange in context.Changes.Select(c => c.Change))
        {
            if ((viewChange is CreateView created && views.Any(v => v.Name == created.View.Name))
                || (viewChange is DropView dropped && views.Any(v => v.Name == dropped.View.Name)))
            {
                context.Claim(viewChange);
            }
        }
    }

    /// <summary>Views of the desired schema that read <paramref name="table"/>, directly or through other views, in creation order.</summary>
    internal static List<View> DependentViews(SchemaModel model, QualifiedName table)
    {
        var result = new List<View>();
        var names = new HashSet<QualifiedName> { table };
        bool added;
        do
        {
            added = false;
            foreach (var view in model.Views.Where(v => !result.Contains(v) && v.DependsOn.Any(names.Contains)))
            {
                result.Add(view);
                names.Add(view.Name);
                added = true;
            }
        }
        while (added);
        return result;
    }

    private static string DropViewStatement(View view) =>
        $"DROP {(view.Kind == ViewKind.Materialized ? "MATERIALIZED VIEW" : "VIEW")} IF EXISTS {view.Name.Sql}";

    internal static bool Mentions(string sql, string identifier) => Regex.IsMatch(sql, Pattern(identifier));

    internal static string ReplaceIdentifier(string sql, string identifier, string replacement) =>
        Regex.Replace(sql, Pattern(identifier), Sql.Quote(replacement).Replace("$", "$$", StringComparison.Ordinal));

    private static string Pattern(string identifier) => @"(?<![\w$""])" + Regex.Escape(Sql.Quote(identifier)) + @"(?![\w$""])";
}
