using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
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

    public override int Priority => 50;

    /// <summary>
    /// A <c>using</c> hint on a type change says how the values convert: it is honoured through a shadow column (a plain
    /// ALTER … TYPE would ignore it, e.g. read timestamps in the session's TimeZone instead of the hint's zone). A
    /// widened primary key is the bigint recipe's.
    /// </summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is AlterColumn hinted && hinted.Changed.HasFlag(ColumnChange.Type) && context.HintFor(hinted.TableName, hinted.New.Name) is not null
        && !(TypeChanges.IsIntegerWidening(hinted.Old.Type, hinted.New.Type) && context.From.FindTable(hinted.TableName)?.PrimaryKey?.Columns.Contains(hinted.Old.Name) == true);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterColumn alter || !alter.Changed.HasFlag(ColumnChange.Type))
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var table = alter.TableName;
        var (old, desired) = (alter.Old, alter.New);
        var column = Sql.Quote(old.Name);
        var shadowName = Sql.ShortName(old.Name + "_sp_new");
        var retiredName = Sql.ShortName(old.Name + "_sp_old");
        var shadow = Sql.Quote(shadowName);
        var retired = Sql.Quote(retiredName);

        // Both directions convert as an assignment would (ALTER COLUMN TYPE's semantics): a value that does not fit
        // raises instead of being cut or rounded. A using hint is the forward conversion as written; the backward
        // one inverts an AT TIME ZONE hint, and otherwise converts in the fixed zone of ColumnConversion.
        var hint = context.HintFor(table, desired.Name);
        var forward = hint is not null
            ? ColumnConversion.AssignHint(shadowName, hint, desired)
            : ColumnConversion.Assign(shadowName, column, old, desired, context);
        var backward = Backward(old.Name, shadow, old, desired, hint, context) is { } inverse
            ? ColumnConversion.AssignHint(old.Name, inverse, old)
            : ColumnConversion.Assign(old.Name, shadow, desired, old, context);
        var keepExpression = Backward(old.Name, column, old, desired, hint, context);
        var keepAssignment = keepExpression is not null
            ? ColumnConversion.AssignHint(retiredName, keepExpression, old)
            : ColumnConversion.Assign(retiredName, column, desired, old, context);
        context.BackfilledColumns.Add((table, desired.Name));

        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "add_shadow_" + old.Name, $"add the shadow column {table}.{shadow} {desired.Type}",
            RecipeSteps.Ddl(context, RecipeSteps.AddNullableColumn(table, desired with { Name = shadowName })),
            RecipeSteps.Ddl(context, RecipeSteps.DropColumn(table, shadowName))));
        var (function, trigger) = RecipeSteps.SyncNames(table, "type_" + old.Name);
        var sync = new SyncTriggerData(table, function, trigger, [old.Name], [shadowName], [forward], [backward]);
        output.Steps.Add(RecipeSteps.SyncTrigger(change, context, sync, 1, Phase.PreDeploy, $"keep {shadow} = {forward.Expression} in step with {column}"));
        output.Steps.Add(RecipeSteps.Backfill(change, context, table, [forward], 1));
        output.Steps.Add(RecipeSteps.Verify(change, table, [forward], [], 1, context.KeyOf(table, change)));

        if (desired.NotNull)
        {
            foreach (var step in RecipeSteps.NotNull(change, context, table, shadowName, 1, Phase.PostDeploy))
            {
                output.Steps.Add(step);
            }
        }

        // Indexes follow a column through a rename, so copies are built on the shadow before the swap.
        var fromTable = context.From.FindTable(table)!;
        var toTable = context.To.FindTable(table);
        // Only those the desired schema keeps as they are: one the diff drops (or drops to re-create) is gone before
        // the swap, by its own change.
        var indexes = fromTable.Indexes
            .Where(i => i.Constraint is null && SqlIdentifiers.Mentions(i.Definition, old.Name))
            .Where(i => toTable?.Indexes.Any(t => t.Name == i.Name) == true
                        && !context.Changes.Any(c => c.Change is DropIndex d && d.TableName == table && d.Index.Name == i.Name))
            .ToList();
        foreach (var index in indexes)
        {
            var copy = new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_new"));
            var definition = CopyIndexDefinition(index.Definition, index.Name, copy.Name, old.Name, shadowName);
            IndexBuildSteps.AddIndex(change, context, output, table, copy.Name, definition, index.Unique, 1, Phase.PostDeploy, $"build {copy} on the shadow column, a copy of {index.Name}");
        }

        // Unique and primary keys on the column: the desired constraint's index is built concurrently on the shadow
        // and attached in the swap (ADD CONSTRAINT … USING INDEX). Until then the old constraint guards the old
        // column; a unique one stays, renamed, on the retired column (so a rollback gets it back as it was), while a
        // primary key must go (a table has one) and is rebuilt on the way down.
        var keys = fromTable.Constraints
            .Where(c => c.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey && c.Columns.Contains(old.Name))
            .Select(c => (Old: c, Desired: toTable?.Constraints.FirstOrDefault(d => d.Name == c.Name && d.Kind == c.Kind), Index: toTable?.Indexes.FirstOrDefault(i => i.Constraint == c.Name)))
            .Where(k => k.Desired is not null && k.Index is not null)
            .Select(k => new ShadowKey(k.Old, k.Desired!, Sql.ShortName(k.Old.Name + "_sp_new"), Sql.ShortName(k.Old.Name + "_sp_old")))
            .ToList();
        foreach (var key in keys)
        {
            var index = toTable!.Indexes.First(i => i.Constraint == key.Old.Name);
            var definition = CopyIndexDefinition(index.Definition, index.Name, key.Copy, old.Name, shadowName);
            IndexBuildSteps.AddKeyIndex(
                change, context, output, table, key.Copy, definition, 1, Phase.PostDeploy,
                $"build the unique index of {Sql.Quote(key.Old.Name)} on the shadow column concurrently");
            ClaimConstraint(context, table, key.Old.Name);
        }

        // Foreign keys and checks stay with the column they were made on (the retired one after the renames):
        // the swap moves them to the new column NOT VALID, and a step right after it validates them. Those the
        // diff itself replaces or drops are left to their own changes.
        var moved = fromTable.Constraints
            .Where(c => c.Kind is ConstraintKind.ForeignKey or ConstraintKind.Check && c.Columns.Contains(old.Name))
            .ToList();
        var readded = moved
            .Select(c => toTable?.Constraints.FirstOrDefault(d => d.Name == c.Name))
            .OfType<Constraint>()
            .Where(d => !context.Changes.Any(c => c.Change is AddConstraint a && a.TableName == table && a.Constraint.Name == d.Name))
            .ToList();

        // The views over the table are dropped before the renames (they would follow the old column) and
        // re-created after: the desired definitions on the way up, the current ones on the way down.
        var viewsUp = DependentViews.Of(context.To, table);
        var viewsDown = DependentViews.Of(context.From, table);
        var up = new List<string> { context.Render(new TableSql.Lock(table)) };
        up.AddRange(viewsDown.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
        up.AddRange(moved.Select(c => context.Render(new ConstraintSql.Drop(table, c.Name, IfExists: true))));
        foreach (var key in keys)
        {
            up.Add(context.Render(key.Old.Kind == ConstraintKind.PrimaryKey
                ? new ConstraintSql.Drop(table, key.Old.Name)
                : new ConstraintSql.Rename(table, key.Old.Name, key.Retired)));
        }

        up.Add(context.Render(new ColumnSql.DropDefault(table, old.Name)));
        up.Add(context.Render(new ColumnSql.DropNotNull(table, old.Name)));
        up.Add(context.Render(new ColumnSql.Rename(table, old.Name, retiredName)));
        up.Add(context.Render(new ColumnSql.Rename(table, shadowName, old.Name)));
        if (desired.Default is not null)
        {
            up.Add(context.Render(new ColumnSql.SetDefault(table, old.Name, desired.Default)));
        }

        // A sequence owned by the column (serial) follows it to the new one, or it would be owned by the retired
        // column, whose drop would then take with it the sequence the new column's default calls.
        var owned = context.To.Sequences.Where(q => q.OwnedByTable == table && q.OwnedByColumn == old.Name)
            .Concat(context.From.Sequences.Where(q => q.OwnedByTable == table && q.OwnedByColumn == old.Name && context.To.Sequences.Any(t => t.Name == q.Name)))
            .Select(q => q.Name)
            .Distinct()
            .ToList();
        up.AddRange(owned.Select(q => context.Render(new SequenceSql.OwnedBy(q, table, old.Name))));

        up.AddRange(keys.SelectMany(k => IndexBuildSteps.AttachKey(context, table, k.Desired, k.Copy)).Select(context.Render));
        up.AddRange(readded.Select(c => context.Render(new ConstraintSql.Add(table, c.Name, c.Definition, NotValid: true))));

        foreach (var index in indexes)
        {
            up.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Name), Sql.ShortName(index.Name + "_sp_old"))));
            up.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_new")), index.Name)));
        }

        up.AddRange(viewsUp.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.From, context.To)));

        // Every statement of the way down restores the current schema (context.From): its views, keys, checks.
        var down = new List<string> { context.Render(new TableSql.Lock(table)) };
        down.AddRange(viewsUp.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
        down.AddRange(readded.Select(c => context.Render(new ConstraintSql.Drop(table, c.Name, IfExists: true))));
        down.AddRange(keys.Select(k => context.Render(new ConstraintSql.Drop(table, k.Desired.Name, IfExists: true))));
        foreach (var index in indexes)
        {
            down.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, index.Name), Sql.ShortName(index.Name + "_sp_new"))));
            down.Add(context.Render(new IndexSql.Rename(new QualifiedName(table.Schema, Sql.ShortName(index.Name + "_sp_old")), index.Name)));
        }

        down.Add(context.Render(new ColumnSql.DropDefault(table, old.Name)));
        down.Add(context.Render(new ColumnSql.Rename(table, old.Name, shadowName)));
        down.Add(context.Render(new ColumnSql.Rename(table, retiredName, old.Name)));
        if (old.Default is not null)
        {
            down.Add(context.Render(new ColumnSql.SetDefault(table, old.Name, old.Default)));
        }

        down.AddRange(owned.Select(q => context.Render(new SequenceSql.OwnedBy(q, table, old.Name))));

        if (old.NotNull)
        {
            down.Add(context.Render(new ColumnSql.SetNotNull(table, old.Name)));
        }

        foreach (var key in keys)
        {
            down.Add(context.Render(key.Old.Kind == ConstraintKind.PrimaryKey
                ? new ConstraintSql.Add(table, key.Old.Name, key.Old.Definition)
                : new ConstraintSql.Rename(table, key.Retired, key.Old.Name)));
        }

        down.AddRange(moved.Select(c => context.Render(new ConstraintSql.Add(table, c.Name, c.Definition, NotValid: !c.Validated))));

        down.AddRange(viewsDown.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.To, context.From)));
        // For a rollback of release 1, the retired column keeps the old-typed value of every new write.
        var (keepFunction, keepTrigger) = RecipeSteps.SyncNames(table, "retired_" + old.Name);
        var keep = new SyncTriggerData(table, keepFunction, keepTrigger, [], [retiredName], [keepAssignment], []);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, "swap_" + old.Name, $"swap {table}.{column} to the new type {desired.Type} in one short transaction",
            new StepSql(new SwapData(new DropSyncTriggerData(table, function, trigger), up, keep, context.Render(new GuardSql.ColumnExists(table, retiredName)))),
            new StepSql(new SwapData(new DropSyncTriggerData(table, keepFunction, keepTrigger), down, sync, context.Render(new GuardSql.ColumnExists(table, retiredName, Negated: true))))) with
        {
            SquawkIgnores = ["renaming-column", "ban-drop-not-null"],
            SquawkReason = $"the verified shadow column takes the name {column} in one short transaction; the retired copy loses NOT NULL because nothing writes it but the rollback trigger",
        });
        foreach (var constraint in readded.Where(c => c.Validated))
        {
            var name = Sql.Quote(constraint.Name);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, "validate_" + constraint.Name, $"validate {name} on {table} after the swap (scans without blocking writes)",
                RecipeSteps.Ddl(context, new ConstraintSql.Validate(table, constraint.Name)),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        output.AppInstructions.Add((1, $"Work with {table}.{column} as either {old.Type} or {desired.Type}: its type switches in this release's post-deploy."));
        output.AppInstructions.Add((2, $"Nothing new: the retired {table}.{retired} ({old.Type}) is dropped after this release is deployed."));
        output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, keep, 2, Phase.PostDeploy));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "drop_column_" + retiredName, $"drop the retired column {table}.{retired}",
            RecipeSteps.Ddl(context, RecipeSteps.DropColumn(table, retiredName)), null, $"{retired} is gone; {column} holds every value in the new type") with
        {
            SquawkIgnores = ["ban-drop-column"],
            SquawkReason = $"the retired copy of {column} is no longer read by any app version",
        });
        // The views over the table are re-created inside the swap: they stay as they are until then.
        foreach (var viewChange in context.Changes.Select(c => c.Change))
        {
            if ((viewChange is CreateView created && viewsUp.Any(v => v.Name == created.View.Name))
                || (viewChange is ReplaceView replaced && viewsUp.Any(v => v.Name == replaced.New.Name))
                || (viewChange is DropView dropped && viewsDown.Any(v => v.Name == dropped.View.Name)))
            {
                context.Claim(viewChange);
            }
        }
    }

    /// <summary>
    /// The converted value of a new write to the old type: the inverse of an AT TIME ZONE hint, or null for the
    /// default conversion (<see cref="ColumnConversion"/>).
    /// </summary>
    private static string? Backward(string columnName, string from, Column old, Column desired, string? hint, PlanningContext context) =>
        hint is not null && ColumnConversion.IsTimeZoneChange(old.Type, desired.Type)
            ? ColumnConversion.InverseOfTimeZoneHint(hint, columnName, from)
            : null;

    /// <summary>A unique or primary key on the retyped column, rebuilt on the shadow as <see cref="Copy"/>.</summary>
    private sealed record ShadowKey(Constraint Old, Constraint Desired, string Copy, string Retired);

    private static void ClaimConstraint(PlanningContext context, QualifiedName table, string name)
    {
        foreach (var constraintChange in context.Changes.Select(c => c.Change))
        {
            if ((constraintChange is AddConstraint add && add.TableName == table && add.Constraint.Name == name)
                || (constraintChange is DropConstraint drop && drop.TableName == table && drop.Constraint.Name == name))
            {
                context.Claim(constraintChange);
            }
        }
    }

    /// <summary>
    /// An index definition (pg_get_indexdef) renamed to <paramref name="copy"/> and moved from <paramref name="column"/>
    /// to <paramref name="shadow"/>; names are replaced only on their side of <c>USING</c>, so a table or schema named
    /// like the column stays as it is.
    /// </summary>
    private static string CopyIndexDefinition(string definition, string index, string copy, string column, string shadow)
    {
        var at = definition.IndexOf(" USING ", StringComparison.Ordinal);
        var (head, tail) = at < 0 ? (definition, "") : (definition[..at], definition[at..]);
        var onIndex = head.IndexOf(" ON ", StringComparison.Ordinal);
        head = onIndex < 0
            ? SqlIdentifiers.Rename(head, index, copy)
            : SqlIdentifiers.Rename(head[..onIndex], index, copy) + head[onIndex..];
        return head + SqlIdentifiers.Rename(tail, column, shadow);
    }


}
