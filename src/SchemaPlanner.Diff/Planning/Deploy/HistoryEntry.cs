namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// One row of <c>schemaplan.history</c>: a step file run up or down under a plan, its checksum, when it started
/// and finished, and how it ended (<see cref="HistoryOutcome"/>).
/// </summary>
public sealed record HistoryEntry(
    long Id,
    string Plan,
    string File,
    bool Down,
    string Checksum,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Outcome,
    string? Error);
