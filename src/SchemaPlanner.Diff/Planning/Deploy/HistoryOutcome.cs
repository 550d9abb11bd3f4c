namespace SchemaPlanner.Planning.Deploy;

/// <summary>The outcomes a history row records (<c>schemaplan.history.outcome</c>).</summary>
public static class HistoryOutcome
{
    /// <summary>Started and not finished: still running, or the process or connection died.</summary>
    public const string Running = "running";

    public const string Done = "done";

    public const string Failed = "failed";

    /// <summary>Stopped by Ctrl+C after a statement or a backfill batch.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>An irreversible step passed over by <c>apply --down --force</c>: its down file was not run.</summary>
    public const string Skipped = "skipped";
}
