using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// One file pair of a plan: where it runs (release, phase), what it runs (up, and down or why there is no down),
/// how (in a transaction or not, timeouts, retried on lock timeout), why (the change it serves and its hazards).
/// </summary>
public sealed record PlanStep
{
    public required int Release { get; init; }

    public required Phase Phase { get; init; }

    /// <summary>Short snake_case description used in the file name, e.g. <c>add_column_body</c>.</summary>
    public required string Name { get; init; }

    /// <summary>One line for the file header and plan.md.</summary>
    public required string Title { get; init; }

    public required StepSql Up { get; init; }

    /// <summary>The reverse, or null when <see cref="Irreversible"/> says why there is none.</summary>
    public StepSql? Down { get; init; }

    public string? Irreversible { get; init; }

    /// <summary>False for CONCURRENTLY, backfills that COMMIT per batch, and the like.</summary>
    public bool Transactional { get; init; } = true;

    /// <summary>lock_timeout before locking DDL (null when the step takes no lock that blocks traffic).</summary>
    public string? LockTimeout { get; init; }

    /// <summary>statement_timeout for short steps; "0" lifts it for long ones (index builds, VALIDATE, backfills).</summary>
    public string? StatementTimeout { get; init; }

    /// <summary>Wrap the DDL in a loop that retries on lock_not_available (55P03) with growing pauses.</summary>
    public bool RetryOnLockTimeout { get; init; }

    /// <summary>The change this step serves (several steps may serve one change).</summary>
    public required Change Serves { get; init; }

    public IReadOnlyList<Hazard> Hazards { get; init; } = [];

    /// <summary>
    /// squawk rules this step deliberately does what they warn about (e.g. dropping a column the app no longer
    /// uses), as <c>rule</c> names; the file says so with <c>-- squawk-ignore</c> and <see cref="SquawkReason"/>.
    /// </summary>
    public IReadOnlyList<string> SquawkIgnores { get; init; } = [];

    public string? SquawkReason { get; init; }

    /// <summary>Columns this step creates, so steps that need them (see <see cref="NeedsColumns"/>) run after it.</summary>
    public IReadOnlyList<(Model.QualifiedName Table, string Column)> AddsColumns { get; init; } = [];

    /// <summary>
    /// Columns the objects this step creates refer to when they run later (a trigger function's body is only
    /// resolved when it fires): the planner orders the step after any step of its release that adds one.
    /// </summary>
    public IReadOnlyList<(Model.QualifiedName Table, string Column)> NeedsColumns { get; init; } = [];

    /// <summary>Like <see cref="SquawkIgnores"/>, for the down file (e.g. a CONCURRENTLY reverse, which sets no lock_timeout).</summary>
    public IReadOnlyList<string> DownSquawkIgnores { get; init; } = [];

    public string? DownSquawkReason { get; init; }

    /// <summary>
    /// Order inside a phase: the served change's position, then the order its recipe added the step in (the
    /// planner sets it; recipes do not number steps).
    /// </summary>
    internal (int Rank, int Change, int Seq) SortKey { get; init; }
}
