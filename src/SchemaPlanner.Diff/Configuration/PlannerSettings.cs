namespace SchemaPlanner.Configuration;

/// <summary>Tunables for classification and plans, with the defaults used when schemaplan.json is silent.</summary>
public sealed record PlannerSettings
{
    /// <summary>Tables with fewer estimated rows than this are "small": scan/rewrite hazards become warnings.</summary>
    public long SmallTableRows { get; init; } = 10_000;

    public int BatchSize { get; init; } = 1_000;

    /// <summary>Pause between backfill batches, in milliseconds.</summary>
    public int BatchPauseMilliseconds { get; init; } = 100;

    public string LockTimeout { get; init; } = "2s";

    public string StatementTimeout { get; init; } = "30s";
}
