using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/backfill</c>: keyset batches over <see cref="Key"/> (a table with no key gets
/// <see cref="BackfillBlocksData"/> instead), each its own transaction, touching only
/// rows where some assigned column IS DISTINCT FROM its expression (or, with <see cref="OnlyWhereNull"/>, where
/// the column IS NULL and its expression is not: new columns, whose values the new app may write itself, and
/// volatile expressions such as <c>gen_random_uuid()</c>).
/// </summary>
public sealed record BackfillData(QualifiedName Table, IReadOnlyList<KeyColumn> Key, IReadOnlyList<Assignment> Assignments, int BatchSize, int PauseMilliseconds, bool OnlyWhereNull = false) : ITemplateData
{
    /// <summary>How the batch size and the pause adapt as the backfill runs.</summary>
    public BackfillPacing Pacing { get; init; } = BackfillPacing.Default;

    public string PauseSeconds => (PauseMilliseconds / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
