namespace SchemaPlanner.Rehearsal;

/// <summary>
/// One app version's dwell before a step: the tables it must reach (those whose state changed since it last ran
/// on them, and those the step changes), picked in turn, and a task that completes once it has run a minimum
/// number of operations and one on each of those tables, or once it has failed. Thread-safe: the traffic loop
/// records operations while the orchestrator waits.
/// </summary>
internal sealed class TrafficDwell
{
    private readonly object gate = new();
    private readonly HashSet<TableLedger> exercised = [];
    private IReadOnlyList<TableLedger> focus = [];
    private int next;
    private int operations;
    private int minimum;
    private TaskCompletionSource? done;

    /// <summary>Whether a dwell is under way (the traffic then does not keep to its rate).</summary>
    public bool Active
    {
        get
        {
            lock (gate)
            {
                return done is not null;
            }
        }
    }

    public Task Start(IReadOnlyList<TableLedger> tables, int minimumOperations)
    {
        lock (gate)
        {
            focus = tables;
            exercised.Clear();
            next = 0;
            operations = 0;
            minimum = minimumOperations;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            CompleteIfDone(failed: false);
            return done.Task;
        }
    }

    /// <summary>The next table to reach, or null when there is no dwell (or nothing to reach).</summary>
    public TableLedger? Next()
    {
        lock (gate)
        {
            return done is not null && focus.Count > 0 ? focus[next++ % focus.Count] : null;
        }
    }

    /// <summary>One operation finished (on <paramref name="table"/>, if it used one); a failure ends the wait too.</summary>
    public void Record(TableLedger? table, bool failed)
    {
        lock (gate)
        {
            if (done is null)
            {
                return;
            }

            operations++;
            if (table is not null && focus.Contains(table))
            {
                exercised.Add(table);
            }

            CompleteIfDone(failed);
        }
    }

    /// <summary>Ends the dwell; the tables it reached.</summary>
    public IReadOnlySet<TableLedger> End()
    {
        lock (gate)
        {
            done?.TrySetResult();
            done = null;
            focus = [];
            return exercised.ToHashSet();
        }
    }

    private void CompleteIfDone(bool failed)
    {
        if (done is not null && (failed || (operations >= minimum && exercised.Count == focus.Count)))
        {
            done.TrySetResult();
        }
    }
}
