using System.Globalization;
using SchemaPlanner.Configuration;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// How a backfill paces itself (read by <c>sql/parts/backfill-adapt</c> and <c>sql/parts/backfill-replica-wait</c>),
/// after GitLab's batch optimizer: each batch is timed with <c>clock_timestamp()</c> and the next one is sized to
/// take about 90% of <see cref="TargetMilliseconds"/>, growing at most 1.2× a step (so one quick batch on cached
/// rows cannot jump to a huge one), shrinking in proportion when a batch ran long and by half when it lost a lock
/// conflict, always within <see cref="MinBatchSize"/>..<see cref="MaxBatchSize"/> rows. The pause after a batch is
/// <see cref="PauseFraction"/> of its duration, at least the configured pause, so a slower database gets more
/// room. Before each batch the backfill waits while a replica lags more than <see cref="MaxReplicaLagMilliseconds"/>
/// or <see cref="MaxWalBacklogMegabytes"/> behind (0 turns a check off; no replica, or no right to see them, means no wait).
/// </summary>
public sealed record BackfillPacing(int TargetMilliseconds, int MinBatchSize, int MaxBatchSize, double PauseFraction, int MaxReplicaLagMilliseconds, int MaxWalBacklogMegabytes)
{
    /// <summary>The defaults of <see cref="PlannerSettings"/>.</summary>
    public static BackfillPacing Default { get; } = From(new PlannerSettings());

    /// <summary>The aim per batch: 90% of the target, leaving room for the batch that runs a little long.</summary>
    public string AimMilliseconds => (TargetMilliseconds * 0.9).ToString("0.###", CultureInfo.InvariantCulture);

    public string PauseFractionText => PauseFraction.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The pacing <paramref name="settings"/> ask for; the smallest batch is a tenth of the first (at least 1 row).</summary>
    public static BackfillPacing From(PlannerSettings settings) => new(
        settings.BatchTargetMilliseconds,
        Math.Max(1, settings.BatchSize / 10),
        Math.Max(settings.BatchSize, settings.BatchSizeMax),
        settings.BatchPauseFraction,
        settings.MaxReplicaLagMilliseconds,
        settings.MaxWalBacklogMegabytes);
}
