namespace SchemaPlanner.Configuration;

/// <summary>Tunables for classification and plans, with the defaults used when schemaplan.json is silent.</summary>
public sealed record PlannerSettings
{
    /// <summary>Tables with fewer estimated rows than this are "small": scan/rewrite hazards become warnings.</summary>
    public long SmallTableRows { get; init; } = 10_000;

    /// <summary>Rows in a backfill's first batch; later batches adapt to <see cref="BatchTargetMilliseconds"/>.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>The least pause between backfill batches, in milliseconds.</summary>
    public int BatchPauseMilliseconds { get; init; } = 100;

    /// <summary>How long a backfill batch should take: batches are sized to about 90% of it.</summary>
    public int BatchTargetMilliseconds { get; init; } = 200;

    /// <summary>The most rows a backfill batch grows to, however quick batches are.</summary>
    public int BatchSizeMax { get; init; } = 100_000;

    /// <summary>The pause after a backfill batch as a fraction of that batch's duration (never below <see cref="BatchPauseMilliseconds"/>).</summary>
    public double BatchPauseFraction { get; init; } = 0.5;

    /// <summary>A backfill waits before its next batch while a replica's replay lag is over this (0: no check).</summary>
    public int MaxReplicaLagMilliseconds { get; init; } = 10_000;

    /// <summary>A backfill waits before its next batch while a replica is this much WAL behind (0: no check).</summary>
    public int MaxWalBacklogMegabytes { get; init; } = 1_024;

    public string LockTimeout { get; init; } = "2s";

    public string StatementTimeout { get; init; } = "30s";
}
