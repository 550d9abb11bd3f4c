using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// What recipes see: both models, every classified change, hints and settings, and which changes other recipes
/// already took care of (<see cref="Claim"/>).
/// </summary>
public sealed class PlanningContext
{
    private readonly Dictionary<Change, string> claimed = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> usedHints = new(ReferenceEqualityComparer.Instance);
    private readonly ISqlRenderer sql;

    public PlanningContext(SchemaModel from, SchemaModel to, IReadOnlyList<ClassifiedChange> changes, SchemaPlannerConfig config, int serverVersionNumber, ISqlRenderer sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        this.sql = sql;
        Ddl = new DdlWriter(sql);
        From = from;
        To = to;
        Changes = changes;
        Config = config;
        ServerVersionNumber = serverVersionNumber;
    }

    public SchemaModel From { get; }

    public SchemaModel To { get; }

    public IReadOnlyList<ClassifiedChange> Changes { get; }

    public SchemaPlannerConfig Config { get; }

    public PlannerSettings Settings => Config.Settings;

    public int ServerVersionNumber { get; }

    /// <summary>The plain DDL of changes, written through the statement templates.</summary>
    public DdlWriter Ddl { get; }

    /// <summary>One statement of a recipe's own, written by its template (<see cref="ISqlStatement"/>).</summary>
    public string Render(ISqlStatement statement) => sql.Render(statement);

    /// <summary>Columns that a sync recipe introduces and backfills: steps touching them wait for its verify.</summary>
    public HashSet<(QualifiedName Table, string Column)> BackfilledColumns { get; } = [];

    /// <summary>Marks a change as handled by the calling recipe, so it is not planned again on its own.</summary>
    public void Claim(Change change) => claimed.TryAdd(change, CurrentRecipe ?? "");

    public bool IsClaimed(Change change) => claimed.ContainsKey(change);

    /// <summary>The recipe that took care of a claimed change.</summary>
    public string? ClaimedBy(Change change) => claimed.GetValueOrDefault(change);

    /// <summary>Set by the planner while a recipe runs, so claims know who made them.</summary>
    internal string? CurrentRecipe { get; set; }

    /// <summary>The user's <c>using</c> expression for a column, if any; the hint counts as used by the plan.</summary>
    public string? HintFor(QualifiedName table, string column)
    {
        var hint = Config.FindColumnHint(table, column);
        if (hint is not null)
        {
            usedHints.Add(hint);
        }

        return hint?.Using;
    }

    /// <summary>Whether a column has a <c>using</c> hint, without counting it as used (for choosing a recipe).</summary>
    public bool HasHint(QualifiedName table, string column) => Config.FindColumnHint(table, column) is not null;

    /// <summary>The <c>copy</c> hint that fills a new table, if any; the hint counts as used by the plan.</summary>
    public CopyHint? CopyInto(QualifiedName table)
    {
        var hint = Config.Copies.FirstOrDefault(h => h.Target == table);
        if (hint is not null)
        {
            usedHints.Add(hint);
        }

        return hint;
    }

    /// <summary>Column and copy hints no recipe asked for: each one means the plan ignores what the user wrote.</summary>
    public IReadOnlyList<object> UnusedHints() =>
        Config.Columns.Cast<object>().Concat(Config.Copies).Where(h => !usedHints.Contains(h)).ToList();

    /// <summary>
    /// The columns a backfill of <paramref name="table"/> walks in keyset batches: its primary key, else the
    /// narrowest valid, non-partial btree unique index over plain NOT NULL columns (unique and never NULL, so a
    /// strict order; plain ascending columns, so the batches' ORDER BY uses it). Empty when there is neither: the
    /// backfill then walks physical block ranges (ctid), which needs TID range scans (PostgreSQL 14+); a
    /// partitioned table, which has no blocks of its own, has each leaf partition walked by its own ctid.
    /// </summary>
    public IReadOnlyList<Templates.KeyColumn> KeyOf(QualifiedName table, ClassifiedChange change)
    {
        var model = From.FindTable(table) ?? To.FindTable(table)
            ?? throw new InvalidOperationException("unknown table " + table);
        if (model.PrimaryKey is { } pk)
        {
            return pk.Columns.Select(c => new Templates.KeyColumn(c, model.FindColumn(c)!.Type)).ToList();
        }

        var unique = model.Indexes
            .Where(i => i.Unique && i.Valid && i.Predicate is null && i.Method == "btree" && i.Keys.Count > 0)
            .Select(i => (Index: i, Columns: i.Keys.Select(k => model.Columns.FirstOrDefault(c => c.Name == k || Sql.Quote(c.Name) == k)).ToList()))
            .Where(u => u.Columns.All(c => c is { NotNull: true })
                        && u.Index.Definition.Contains($" USING btree ({string.Join(", ", u.Index.Keys)})", StringComparison.Ordinal))
            .OrderBy(u => u.Columns.Count)
            .ThenBy(u => u.Index.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (unique.Index is not null)
        {
            return unique.Columns.Select(c => new Templates.KeyColumn(c!.Name, c.Type)).ToList();
        }

        if (ServerVersionNumber < 140000)
        {
            throw new SchemaPlannerException(
                ErrorKind.Planning,
                $"{table} has no primary key and no unique index over NOT NULL columns, and the backfill for {change.Change.Describe()} cannot walk its blocks instead " +
                (model.Kind == TableKind.Partitioned
                    ? "(each partition's blocks, by TID range scans: PostgreSQL 14+, the server is " + ServerVersionText + ")"
                    : "(TID range scans need PostgreSQL 14+, the server is " + ServerVersionText + ")") +
                $": add a primary key or such an index first, or accept the change as-is with {AllowSuggestion.For(change)}");
        }

        return [];
    }

    /// <summary>Whether <paramref name="table"/> is a partitioned table (its rows live in its partitions).</summary>
    public bool IsPartitioned(QualifiedName table) => (From.FindTable(table) ?? To.FindTable(table))?.Kind == TableKind.Partitioned;

    private string ServerVersionText => $"{ServerVersionNumber / 10000}.{(ServerVersionNumber >= 100000 ? ServerVersionNumber % 10000 : (ServerVersionNumber / 100) % 100)}";

    /// <summary>A name for a helper object, shortened to 63 bytes with a stable hash suffix.</summary>
    public static string HelperName(string baseName) => Sql.ShortName(baseName);
}
