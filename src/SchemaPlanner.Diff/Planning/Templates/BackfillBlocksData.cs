using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/backfill-blocks</c>: the backfill of a table with no key to walk (no primary key, no unique
/// index over NOT NULL columns), in batches of physical blocks. Otherwise as <see cref="BackfillData"/>.
/// </summary>
public sealed record BackfillBlocksData(QualifiedName Table, IReadOnlyList<Assignment> Assignments, int BatchSize, int PauseMilliseconds, bool OnlyWhereNull = false) : ITemplateData
{
    /// <summary>How the batch size and the pause adapt as the backfill runs.</summary>
    public BackfillPacing Pacing { get; init; } = BackfillPacing.Default;

    public string PauseSeconds => (PauseMilliseconds / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
