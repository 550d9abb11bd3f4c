using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety;

/// <summary>
/// What rules may look at besides the change: both models, the server version (from the live database or
/// <c>--pg-version</c>), table statistics, settings, and the tables this diff creates (empty, so safe to touch).
/// </summary>
public sealed record ClassificationContext(
    SchemaModel From,
    SchemaModel To,
    int ServerVersionNumber,
    IReadOnlyList<TableStatistics> Statistics,
    PlannerSettings Settings,
    IReadOnlySet<QualifiedName> CreatedTables)
{
    /// <summary>The PostgreSQL major version assumed when nothing says otherwise.</summary>
    public const int DefaultVersionNumber = 150000;

    public int MajorVersion => ServerVersionNumber / 10000;

    public static ClassificationContext Create(
        SchemaModel from,
        SchemaModel to,
        IReadOnlyList<Change> changes,
        int? serverVersionNumber,
        IReadOnlyList<TableStatistics> statistics,
        PlannerSettings settings) =>
        new(
            from,
            to,
            serverVersionNumber ?? DefaultVersionNumber,
            statistics,
            settings,
            changes.OfType<CreateTable>().Select(c => c.Definition.Name).ToHashSet());

    public bool IsNewTable(QualifiedName table) => CreatedTables.Contains(table);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<TableStatistics>, Dictionary<QualifiedName, TableStatistics>> StatisticsIndex = new();

    public TableStatistics? StatisticsOf(QualifiedName table) =>
        StatisticsIndex.GetValue(Statistics, list => list.GroupBy(s => s.Table).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(table);

    /// <summary>
    /// A table is small when statistics say it has fewer rows than the threshold. Unknown (never analysed,
    /// or no statistics) is not small: the tool errs on the side of caution.
    /// </summary>
    public bool IsSmall(QualifiedName table) =>
        StatisticsOf(table) is { EstimatedRows: >= 0 } stats && stats.EstimatedRows < Settings.SmallTableRows;

    /// <summary>
    /// Severity for a lock/scan/rewrite/index-build hazard: an error, lowered to a warning on a small table.
    /// Compatibility and data-loss hazards never use this.
    /// </summary>
    public Severity CostSeverity(QualifiedName table) => IsSmall(table) ? Severity.Warning : Severity.Error;

    /// <summary>Describes the table's size for messages, e.g. "~1,200,000 rows, 180 MB".</summary>
    public string SizeNote(QualifiedName table) =>
        StatisticsOf(table) is { EstimatedRows: >= 0 } s
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (~{s.EstimatedRows:N0} rows, {Size(s.SizeBytes)})")
            : "";

    private static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024} kB"),
        < 1024L * 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024} MB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024 / 1024} GB"),
    };
}
