namespace SchemaPlanner.Rehearsal;

/// <summary>
/// How a rehearsal runs: rows per table (synthetic, on a scratch copy), the rate each app version sends
/// (transactions per second), how long traffic runs before each step at least, how long a step may take, the
/// users' own per-version statements, and a database of the user's to rehearse on instead of a scratch copy.
/// </summary>
public sealed record RehearsalOptions
{
    public int RowsPerTable { get; init; } = 2_000;

    public int TransactionsPerSecond { get; init; } = 100;

    public TimeSpan DwellBeforeStep { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest lock wait an app statement may see during a step that sets no lock_timeout.</summary>
    public TimeSpan LockWaitWithoutTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Traffic stops by itself after this long, whatever happens.</summary>
    public TimeSpan TrafficLimit { get; init; } = TimeSpan.FromMinutes(30);

    public string? OldWorkload { get; init; }

    public string? OldWorkloadFile { get; init; }

    public string? NewWorkload { get; init; }

    public string? NewWorkloadFile { get; init; }

    /// <summary>A database at the current schema (e.g. a restored copy of production) to rehearse on; it is changed.</summary>
    public string? RehearseOn { get; init; }

    /// <summary>Run the down files of each reversible release (and its up files again) and check nothing was lost.</summary>
    public bool RoundTripReleases { get; init; } = true;
}
