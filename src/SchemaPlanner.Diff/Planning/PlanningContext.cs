using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
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

    public PlanningContext(SchemaModel from, SchemaModel to, IReadOnlyList<ClassifiedChange> changes, SchemaPlannerConfig config, int serverVersionNumber)
    {
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

    /// <summary>The primary key columns of a table in the current schema, with their types, for keyset batches.</summary>
    public IReadOnlyList<Templates.KeyColumn> KeyOf(QualifiedName table, string purpose)
    {
        var model = From.FindTable(table) ?? To.FindTable(table)
            ?? throw new InvalidOperationException("unknown table " + table);
        var pk = model.PrimaryKey
            ?? throw new SchemaPlannerException(
                ErrorKind.Planning,
                $"{table} has no primary key, which {purpose} needs for keyset batches; add a primary key first (or accept the hazard in schemaplan.json \"allow\")");
        return pk.Columns.Select(c => new Templates.KeyColumn(c, model.FindColumn(c)!.Type)).ToList();
    }

    /// <summary>A name for a helper object, shortened to 63 bytes with a stable hash suffix.</summary>
    public static string HelperName(string baseName) => Sql.ShortName(baseName);
}
