namespace SchemaPlanner.Rehearsal;

/// <summary>
/// How a rehearsal runs: rows per table (synthetic, on a scratch copy), the rate each app version sends
/// (transactions per second), how much traffic each live version sends before each step (at least
/// <see cref="OperationsBeforeStep"/> operations and one on each table whose state changed, for at most
/// <see cref="DwellLimit"/>), how long a step may take, the users' own per-version statements, and a database of
/// the user's to rehearse on instead of a scratch copy.
/// </summary>
public sealed record RehearsalOptions
{
    public int RowsPerTable { get; init; } = 2_000;

    public int TransactionsPerSecond { get; init; } = 100;

    /// <summary>Operations each live version runs before each step at least (besides one on each changed table).</summary>
    public int OperationsBeforeStep { get; init; } = 5;

    /// <summary>
    /// The longest a dwell before a step waits for that traffic (a version that has not reached every changed table
    /// by then goes on with the step, and reaches them before a later one).
    /// </summary>
    public TimeSpan DwellLimit { get; init; } = TimeSpan.FromSeconds(5);

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
