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

    /// <summary>The user's <c>using</c> expression for a column, if any.</summary>
    public string? HintFor(QualifiedName table, string column) => Config.FindColumnHint(table, column)?.Using;

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
