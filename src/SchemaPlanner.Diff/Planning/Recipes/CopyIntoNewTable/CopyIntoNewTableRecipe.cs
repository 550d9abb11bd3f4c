using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A new table whose rows come from an existing one (a <c>copy</c> hint: <c>users.phone</c> moving to
/// <c>user_phones</c>). Release 1 pre-deploy creates the table and a trigger on the source that upserts the target
/// row for every write of the previous app version (and one on the target that writes the new version's changes
/// back to the source columns, which the previous version still reads); the backfill inserts the existing rows in
/// keyset batches; verify proves every matching source row arrived; post-deploy drops the triggers once the
/// previous version is gone. The source columns are dropped by their own change (stop using, then drop in
/// release 2).
/// </summary>
public sealed class CopyIntoNewTableRecipe : Recipe
{
    public override string Name => Safety.Recipes.CopyIntoNewTable;

    public override int Priority => 75;

    /// <summary>A new table a copy hint fills gets its rows from the source table, however safe creating it is.</summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is CreateTable created && context.Config.Copies.Any(h => h.Target == created.Definition.Name);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        var create = (CreateTable)change.Change;
        var hint = context.CopyInto(create.Definition.Name)!;
        var data = Data(hint, create.Definition, context, change);
        output.Steps.Add(CreateTable(change, create, context));

        var copied = string.Join(", ", data.Columns.Select(c => Sql.Quote(c.Column)));
        var trigger = new StepSql(new CopyTriggerData(data));
        var drop = new StepSql(new DropCopyTriggerData(data));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "copy_trigger_" + hint.Target.Name,
            $"keep {hint.Target} in step with what the previous app version writes to {hint.Source}" + (data.Reverse.Count > 0 ? ", and the new version's writes back" : ""),
            trigger, drop));
        output.Steps.Add(new PlanStep
        {
            Release = 1,
            Phase = Phase.Backfill,
            Name = "backfill_" + hint.Target.Name,
            Title = $"backfill {hint.Target} ({copied}) from {hint.Source} WHERE {data.Filter}",
            Up = new StepSql(new BackfillCopyData(data)),
            Down = RecipeSteps.Ddl(),
            Transactional = false,
            StatementTimeout = "0",
            Serves = change.Change,
            Hazards = change.Hazards,
        });
        output.Steps.Add(new PlanStep
        {
            Release = 1,
            Phase = Phase.Verify,
            Name = "verify_" + hint.Target.Name,
            Title = $"verify every row of {hint.Source} WHERE {data.Filter} has its row in {hint.Target}",
            Up = new StepSql(new VerifyCopyData(data)),
            Down = RecipeSteps.Ddl(),
            StatementTimeout = "0",
            Serves = change.Change,
            Hazards = change.Hazards,
        });
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, "drop_copy_trigger_" + hint.Target.Name,
            $"drop the copy triggers between {hint.Source} and {hint.Target} (the previous app version is gone)",
            drop, trigger));

        var sourceColumns = data.Reverse.Count > 0 ? string.Join(", ", data.Reverse.Select(p => hint.Source.Member(p.Source))) : $"the columns of {hint.Source} it is computed from";
        output.AppInstructions.Add((1,
            $"Read and write {hint.Target} ({copied}) instead of {sourceColumns}: insert, update and delete its rows yourself. Until this release " +
            $"is fully deployed, a trigger copies what the previous version writes to {hint.Source} into {hint.Target}" +
            (data.Reverse.Count > 0 ? $", and your writes to {hint.Target} back to {sourceColumns}, which the previous version still reads." : "; the previous version does not see your writes to it.")));
    }

    /// <summary>
    /// The table with its constraints and indexes in one transaction, before the trigger fills it: on a table nobody
    /// else sees yet, a foreign key or an index costs no scan and blocks no one (only a brief lock on the referenced
    /// table). Skipped when the table exists already, so the file can run again.
    /// </summary>
    private static PlanStep CreateTable(ClassifiedChange change, CreateTable create, PlanningContext context)
    {
        var target = create.Definition.Name;
        var parts = context.Changes
            .Where(c => c.Change is AddConstraint or AddIndex && c.Change.Table == target && !context.IsClaimed(c.Change))
            .Select(c => c.Change)
            .ToList();
        var statements = new List<string>(context.Ddl.Statements(create, context.From, context.To));
        foreach (var part in parts)
        {
            context.Claim(part);
            statements.AddRange(context.Ddl.Statements(part, context.From, context.To));
        }

        return RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "create_table_" + target.Name,
            $"create table {target}" + (parts.Count > 0 ? " with " + string.Join(", ", parts.Select(p => p.Object.Split('.')[^1])) : ""),
            RecipeSteps.Ddl(context, RecipeSteps.UnlessDone(context, new GuardSql.RelationExists(target), statements)),
            RecipeSteps.Ddl(context, new TableSql.Drop(target, IfExists: true)));
    }

    private static CopyData Data(CopyHint hint, Table target, PlanningContext context, ClassifiedChange change)
    {
        var source = context.From.FindTable(hint.Source)!;
        var mapped = hint.Columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var key = KeyOf(target, mapped) ?? throw new SchemaPlannerException(
            ErrorKind.InvalidInput,
            $"{hint}: {hint.Target} has no primary key or unique index over columns the copy fills ({string.Join(", ", mapped)}), so the copy cannot " +
            $"upsert a row by it (ON CONFLICT); give {hint.Target} a PRIMARY KEY or UNIQUE constraint over copied columns in the desired schema, or map its key in \"columns\"");
        var sourceKey = context.KeyOf(hint.Source, change);
        if (sourceKey.Count == 0)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{hint}: {hint.Source} has no primary key or unique index over NOT NULL columns for the backfill to walk in keyset batches; add one first");
        }

        var assignments = hint.Columns.Select(c => new Assignment(c.Key, c.Value)).ToList();
        var targetKey = key.Select(k => assignments.First(a => a.Column == k)).ToList();
        var values = assignments.Where(a => !key.Contains(a.Column)).ToList();
        var reverseKey = targetKey.Select(a => PlainColumn(source, a.Expression) is { } s ? new ColumnPair(s, a.Column) : null).ToList();
        var reverse = reverseKey.All(p => p is not null)
            ? values.Select(a => PlainColumn(source, a.Expression) is { } s ? new ColumnPair(s, a.Column) : null).OfType<ColumnPair>().ToList()
            : [];
        var cascades = target.Constraints.Any(f => f.Kind == ConstraintKind.ForeignKey && f.ReferencedTable == hint.Source && f.OnDelete == "CASCADE");
        var name = TriggerName(hint);
        return new CopyData(hint.Source, hint.Target, targetKey, values, hint.Filter ?? "true")
        {
            Trigger = name,
            DeleteTrigger = Sql.ShortName(name + "_delete"),
            ReverseTrigger = RecipeSteps.SyncNames(hint.Target, "copy_back_" + hint.Source.Name).Function,
            DeleteOnSourceDelete = !cascades,
            ReverseKey = reverse.Count > 0 ? reverseKey.OfType<ColumnPair>().ToList() : [],
            Reverse = reverse,
            Key = sourceKey,
            BatchSize = context.Settings.BatchSize,
            PauseMilliseconds = context.Settings.BatchPauseMilliseconds,
            Pacing = BackfillPacing.From(context.Settings),
        };
    }

    /// <summary>The trigger on the source (and its function) that copies the previous app version's writes.</summary>
    public static string TriggerName(CopyHint hint) => RecipeSteps.SyncNames(hint.Source, "copy_" + hint.Target.Name).Function;

    /// <summary>The target's primary key, else its narrowest non-partial unique index, when the copy fills every column of it.</summary>
    public static IReadOnlyList<string>? KeyOf(Table target, IReadOnlySet<string> mapped)
    {
        if (target.PrimaryKey is { } pk)
        {
            return pk.Columns.All(mapped.Contains) ? pk.Columns : null;
        }

        return target.Indexes
            .Where(i => i.Unique && i.Predicate is null && i.Keys.Count > 0 && i.Keys.All(mapped.Contains))
            .OrderBy(i => i.Keys.Count)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (IReadOnlyList<string>)i.Keys)
            .FirstOrDefault();
    }

    /// <summary>The source column an expression is, when it is just one (bare or quoted); null for a computed value.</summary>
    public static string? PlainColumn(Table source, string expression)
    {
        var text = expression.Trim();
        return source.Columns.FirstOrDefault(c => c.Name == text || Sql.Quote(c.Name) == text)?.Name;
    }
}
