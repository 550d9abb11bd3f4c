using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/backfill-partition-blocks</c>: the backfill of a partitioned table with no key to walk (no
/// primary key, no unique index over NOT NULL columns). The parent has no blocks of its own and a ctid means
/// something only within one partition, so each leaf partition, as the table has them when the backfill starts,
/// is walked by ranges of its own physical blocks (TID range scans, PostgreSQL 14+). Otherwise as
/// <see cref="BackfillBlocksData"/>.
/// </summary>
public sealed record BackfillPartitionBlocksData(QualifiedName Table, IReadOnlyList<Assignment> Assignments, int BatchSize, int PauseMilliseconds, bool OnlyWhereNull = false) : ITemplateData
{
    /// <summary>How the batch size and the pause adapt as the backfill runs.</summary>
    public BackfillPacing Pacing { get; init; } = BackfillPacing.Default;

    public string PauseSeconds => (PauseMilliseconds / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
