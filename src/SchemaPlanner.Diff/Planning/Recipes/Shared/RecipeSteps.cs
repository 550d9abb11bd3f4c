using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>Step builders several recipes share: NOT NULL via CHECK, concurrent indexes, sync triggers, backfills.</summary>
internal static class RecipeSteps
{
    /// <summary>
    /// Why CONCURRENTLY steps set no lock_timeout: it would also cut their waits for older transactions (lock
    /// waits on virtual transaction ids), failing the build half-way, while the lock they queue for blocks no
    /// reads or writes.
    /// </summary>
    internal const string ConcurrentWithoutLockTimeout =
        "no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes";

    public static StepSql Ddl(params string[] statements) => new(new DdlData(statements));

    /// <summary>Statements written through their templates.</summary>
    public static StepSql Ddl(PlanningContext context, params IEnumerable<ISqlStatement> statements) => new(new DdlData([.. statements.Select(context.Render)]));

    /// <summary>
    /// Statements with no IF [NOT] EXISTS form (ADD CONSTRAINT … USING INDEX, RENAME), made re-runnable: a DO block
    /// that skips them once <paramref name="done"/> (a <see cref="GuardSql"/> condition) holds.
    /// </summary>
    public static GuardSql.UnlessDone UnlessDone(PlanningContext context, ISqlStatement done, params IEnumerable<ISqlStatement> statements) =>
        UnlessDone(context, done, statements.Select(context.Render));

    /// <inheritdoc cref="UnlessDone(PlanningContext, ISqlStatement, IEnumerable{ISqlStatement})"/>
    public static GuardSql.UnlessDone UnlessDone(PlanningContext context, ISqlStatement done, IEnumerable<string> statements) =>
        new(context.Render(done), [.. statements]);

    /// <summary>A transactional DDL step under lock_timeout with retries.</summary>
    public static PlanStep Locking(ClassifiedChange change, PlanningContext context, int release, Phase phase, string name, string title, StepSql up, StepSql? down, string? irreversible = null) =>
        new PlanStep
        {
            Release = release,
            Phase = phase,
            Name = name,
            Title = title,
            Up = up,
            Down = down,
            Irreversible = down is null ? irreversible ?? "no reverse is known" : null,
            Serves = change.Change,
            Hazards = change.Hazards,
            LockTimeout = context.Settings.LockTimeout,
            StatementTimeout = context.Settings.StatementTimeout,
            RetryOnLockTimeout = true,
            };

    /// <summary>
    /// SET NOT NULL without a long ACCESS EXCLUSIVE scan: CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (only
    /// SHARE UPDATE EXCLUSIVE), then SET NOT NULL (PostgreSQL 12+ skips the scan thanks to the valid check) and
    /// drop the helper check.
    /// </summary>
    public static IEnumerable<PlanStep> NotNull(ClassifiedChange change, PlanningContext context, QualifiedName table, string column, int release, Phase phase)
    {
        var check = Sql.ShortName($"{table.Name}_{column}_not_null_sp");
        var dropCheck = new ConstraintSql.Drop(table, check, IfExists: true);
        var addCheck = new ConstraintSql.AddNotNullCheck(table, check, column);
        yield return Locking(
            change, context, release, phase, $"not_null_check_{column}", $"add CHECK ({column} IS NOT NULL) NOT VALID on {table}",
            Ddl(context, dropCheck, addCheck),
            Ddl(context, dropCheck));
        yield return Locking(
            change, context, release, phase, $"validate_not_null_check_{column}", $"validate the NOT NULL check of {table}.{column} (scans without blocking writes)",
            Ddl(context, new ConstraintSql.Validate(table, check)),
            Ddl()) with { StatementTimeout = "0" };
        yield return Locking(
            change, context, release, phase, $"set_not_null_{column}", $"SET NOT NULL on {table}.{column} (uses the validated check, no scan) and drop the check",
            Ddl(context, new ColumnSql.SetNotNull(table, column), dropCheck),
            Ddl(context, new ColumnSql.DropNotNull(table, column), addCheck)) with
        {
            SquawkIgnores = ["adding-not-nullable-field"],
            SquawkReason = $"the CHECK ({column} IS NOT NULL) validated in the previous step lets PostgreSQL 12+ skip the scan",
        };
    }

    /// <summary><c>CREATE … INDEX</c> from pg_get_indexdef turned into <c>CREATE … INDEX CONCURRENTLY IF NOT EXISTS</c>.</summary>
    public static string Concurrently(string indexDefinition)
    {
        // pg_get_indexdef writes CREATE [UNIQUE] INDEX name ON …: the clause goes after the INDEX keyword.
        var words = indexDefinition.Split(' ', 4);
        var index = words.Length < 4 || words[0] != "CREATE" ? -1 : words[1] == "INDEX" ? 1 : words[1] == "UNIQUE" && words[2] == "INDEX" ? 2 : -1;
        if (index > 0)
        {
            var head = string.Join(' ', words.Take(index + 1)).Length + 1;
            return indexDefinition[..head] + "CONCURRENTLY IF NOT EXISTS " + indexDefinition[head..];
        }

        throw new InvalidOperationException("not an index definition: " + indexDefinition);
    }

    /// <summary>A non-transactional concurrent build (invalid leftovers dropped first); down drops it concurrently.</summary>
    public static PlanStep CreateIndexConcurrently(ClassifiedChange change, QualifiedName index, string definition, int release, Phase phase, string title) => new()
    {
        Release = release,
        Phase = phase,
        Name = "create_index_" + index.Name,
        Title = title,
        Up = new StepSql(new ConcurrentIndexData(index, Concurrently(definition))),
        Down = new StepSql(new DropIndexData(index)),
        Transactional = false,
        StatementTimeout = "0",
        Serves = change.Change,
        Hazards = change.Hazards,
        SquawkIgnores = ["require-lock-timeout"],
        SquawkReason = ConcurrentWithoutLockTimeout,
        DownSquawkIgnores = ["require-lock-timeout"],
        DownSquawkReason = ConcurrentWithoutLockTimeout,
    };

    /// <summary>The reverse of <see cref="CreateIndexConcurrently"/>: drops the index concurrently, builds it again on the way down.</summary>
    public static PlanStep DropIndexConcurrently(ClassifiedChange change, QualifiedName index, string definition, int release, Phase phase)
    {
        var create = CreateIndexConcurrently(change, index, definition, release, phase, $"drop index {index} concurrently");
        return create with { Name = "drop_index_" + index.Name, Up = create.Down!, Down = create.Up };
    }

    /// <summary>ADD COLUMN IF NOT EXISTS, nullable and without default (a catalog-only change).</summary>
    public static ColumnSql.Add AddNullableColumn(QualifiedName table, Column column) =>
        new(table, Sql.Quote(column.Name) + " " + column.Type + (column.Collation is { } collation ? " COLLATE " + collation : ""), IfNotExists: true);

    public static ColumnSql.Drop DropColumn(QualifiedName table, string column) => new(table, column, IfExists: true);

    public static (string Function, string Trigger) SyncNames(QualifiedName table, string purpose)
    {
        var name = Sql.ShortName($"schemaplan_sync_{table.Name}_{purpose}");
        return (name, name);
    }

    public static PlanStep SyncTrigger(ClassifiedChange change, PlanningContext context, SyncTriggerData data, int release, Phase phase, string title) =>
        Locking(change, context, release, phase, "sync_trigger_" + data.Trigger.Replace("schemaplan_sync_", "", StringComparison.Ordinal), title,
            new StepSql(data),
            new StepSql(new DropSyncTriggerData(data.Table, data.Function, data.Trigger))) with
        {
            NeedsColumns = ColumnsReadBy(context, data),
        };

    /// <summary>
    /// The columns a sync trigger's function reads or assigns: both shapes and every column of the table an
    /// expression mentions. The body is only resolved when the trigger fires, so each must exist before it is created.
    /// </summary>
    public static IReadOnlyList<(QualifiedName Table, string Column)> ColumnsReadBy(PlanningContext context, SyncTriggerData data)
    {
        var expressions = data.Forward.Concat(data.Backward).Concat(data.InsertDefaults).Select(a => a.Expression).ToList();
        var known = (context.From.FindTable(data.Table)?.Columns ?? []).Concat(context.To.FindTable(data.Table)?.Columns ?? []).Select(c => c.Name);
        return data.OldColumns.Concat(data.NewColumns)
            .Concat(known.Where(c => expressions.Any(e => SqlIdentifiers.Mentions(e, c))))
            .Distinct(StringComparer.Ordinal)
            .Select(c => (data.Table, c))
            .ToList();
    }

    /// <summary>Adds a column nullable and without default (plus <paramref name="then"/>), saying it adds it.</summary>
    public static PlanStep AddColumn(ClassifiedChange change, PlanningContext context, QualifiedName table, Column column, int release, Phase phase, string title, params string[] then) =>
        Locking(change, context, release, phase, "add_column_" + column.Name, title,
            Ddl([context.Render(AddNullableColumn(table, column)), .. then]), Ddl(context, DropColumn(table, column.Name))) with
        {
            AddsColumns = [(table, column.Name)],
        };

    public static PlanStep DropSyncTrigger(ClassifiedChange change, PlanningContext context, SyncTriggerData data, int release, Phase phase) =>
        Locking(change, context, release, phase, "drop_sync_trigger_" + data.Trigger.Replace("schemaplan_sync_", "", StringComparison.Ordinal), $"drop the sync trigger {data.Trigger} on {data.Table}",
            new StepSql(new DropSyncTriggerData(data.Table, data.Function, data.Trigger)),
            new StepSql(data));

    public static PlanStep Backfill(ClassifiedChange change, PlanningContext context, QualifiedName table, IReadOnlyList<Assignment> assignments, int release, bool onlyWhereNull = false) => new()
    {
        Release = release,
        Phase = Phase.Backfill,
        Name = "backfill_" + string.Join("_", assignments.Select(a => a.Column)),
        Title = $"backfill {table}: " + string.Join(", ", assignments.Select(a => $"{a.Column} := {a.Expression}")),
        Up = context.KeyOf(table, change) is { Count: > 0 } key
            ? new StepSql(new BackfillData(table, key, assignments, context.Settings.BatchSize, context.Settings.BatchPauseMilliseconds, onlyWhereNull) { Pacing = BackfillPacing.From(context.Settings) })
            : context.IsPartitioned(table)
                ? new StepSql(new BackfillPartitionBlocksData(table, assignments, context.Settings.BatchSize, context.Settings.BatchPauseMilliseconds, onlyWhereNull) { Pacing = BackfillPacing.From(context.Settings) })
                : new StepSql(new BackfillBlocksData(table, assignments, context.Settings.BatchSize, context.Settings.BatchPauseMilliseconds, onlyWhereNull) { Pacing = BackfillPacing.From(context.Settings) }),
        Down = Ddl(),
        Transactional = false,
        StatementTimeout = "0",
        Serves = change.Change,
        Hazards = change.Hazards,
    };

    public static PlanStep Verify(ClassifiedChange change, QualifiedName table, IReadOnlyList<Assignment> equal, IReadOnlyList<VerifyCheck> checks, int release, IReadOnlyList<KeyColumn>? key = null) => new()
    {
        Release = release,
        Phase = Phase.Verify,
        Name = "verify_" + (equal.Count > 0 ? string.Join("_", equal.Select(a => a.Column)) : table.Name),
        Title = $"verify {table}: " + string.Join(", ", equal.Select(a => $"{a.Column} = {a.Expression}").Concat(checks.Select(c => c.Condition))),
        Up = new StepSql(new VerifyData(table, equal, checks) { Key = key ?? [] }),
        Down = Ddl(),
        StatementTimeout = "0",
        Serves = change.Change,
        Hazards = change.Hazards,
    };

    /// <summary>File-name-safe names for the steps serving <paramref name="change"/> (column and table names may hold spaces or capitals).</summary>
    internal static void SlugNames(ClassifiedChange change, RecipeOutput output)
    {
        for (var i = 0; i < output.Steps.Count; i++)
        {
            if (ReferenceEquals(output.Steps[i].Serves, change.Change))
            {
                output.Steps[i] = output.Steps[i] with { Name = StepNames.Slug(output.Steps[i].Name) };
            }
        }
    }

    internal static string List(IEnumerable<string> items) => string.Join(", ", items);
}
