namespace SchemaPlanner.Rehearsal;

/// <summary>What one step looked like under traffic.</summary>
public sealed record StepReport(
    string File,
    int Release,
    string Phase,
    double DurationMs,
    VersionFigures Old,
    VersionFigures New,
    double LongestLockWaitMs);
