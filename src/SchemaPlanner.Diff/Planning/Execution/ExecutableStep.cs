namespace SchemaPlanner.Planning.Execution;

/// <summary>A rendered step as a runner sees it: where it runs, how, and the text of its up and down files.</summary>
public sealed record ExecutableStep(
    int Release,
    Phase Phase,
    bool Transactional,
    string UpFile,
    string UpSql,
    string DownFile,
    string DownSql,
    bool Reversible,
    string? LockTimeout = null);
