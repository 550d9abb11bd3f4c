using SchemaPlanner.Errors;

namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// A plan's progress in one database, from its history rows: each step's state, what <c>apply --to</c> and
/// <c>apply --down --to</c> would run, and what comes next. Pure: the history is read and written elsewhere.
/// </summary>
public sealed class DeployState
{
    private DeployState(PlanManifest manifest, IReadOnlyList<StepStatus> steps, bool anyRan)
    {
        Manifest = manifest;
        Steps = steps;
        AnyRan = anyRan;
    }

    public PlanManifest Manifest { get; }

    public IReadOnlyList<StepStatus> Steps { get; }

    /// <summary>Whether any history row of this plan exists: until then the database must be in the plan's start state.</summary>
    public bool AnyRan { get; }

    /// <summary>Each step's state from its latest row (up or down file) among <paramref name="history"/>, the rows of this plan.</summary>
    public static DeployState Of(PlanManifest manifest, IReadOnlyList<HistoryEntry> history)
    {
        var mine = history.Where(h => h.Plan == manifest.Fingerprint).ToList();
        var steps = manifest.Steps.Select(step =>
        {
            var last = mine.Where(h => h.File == step.Step.UpFile || h.File == step.Step.DownFile).MaxBy(h => h.Id);
            return new StepStatus(step, StateOf(last), last);
        }).ToList();
        return new DeployState(manifest, steps, mine.Count > 0);
    }

    /// <summary>The point after the last finished step: <see cref="PhasePoint.Start"/> when none, <see cref="PhasePoint.End"/> when all finished.</summary>
    public PhasePoint Current => Steps.Count > 0 && Steps.All(s => s.State == StepState.Done)
        ? PhasePoint.End
        : Steps.LastOrDefault(s => s.State == StepState.Done)?.Step.Point ?? PhasePoint.Start;

    /// <summary>The first phase with a step still to run and those steps, or null when every step is done.</summary>
    public (PhasePoint Point, IReadOnlyList<StepStatus> Steps)? Next
    {
        get
        {
            var first = Steps.FirstOrDefault(s => s.State != StepState.Done);
            return first is null
                ? null
                : (first.Step.Point, Steps.Where(s => s.Step.Point == first.Step.Point && s.State != StepState.Done).ToList());
        }
    }

    /// <summary>The steps <c>apply --to</c> runs, in plan order; refuses a point before what already ran.</summary>
    public IReadOnlyList<ManifestStep> UpTo(PhasePoint to)
    {
        if (to.IsStart)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, "--to start is where `apply --down` goes back to; give the phase to run up to (e.g. --to 1/pre-deploy) or end");
        }

        if (Steps.FirstOrDefault(s => s.Touched && !to.Covers(s.Step.Point)) is { } beyond)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--to {to} is before what already ran ({beyond.Step.Step.UpFile} is {Describe(beyond.State)}); nothing was run: to go back, use `schemaplan apply --down --to {to}`");
        }

        return Steps.Where(s => to.Covers(s.Step.Point) && s.State != StepState.Done).Select(s => s.Step).ToList();
    }

    /// <summary>
    /// The steps <c>apply --down --to</c> undoes, last first: every step after the point that ran. Refuses at a
    /// step that cannot be undone unless <paramref name="force"/> (the runner then passes over it).
    /// </summary>
    public IReadOnlyList<ManifestStep> DownTo(PhasePoint to, bool force)
    {
        var undo = Steps.Where(s => s.Touched && !to.Covers(s.Step.Point)).Select(s => s.Step).Reverse().ToList();
        if (!force && undo.FirstOrDefault(s => !s.Step.Reversible) is { } irreversible)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{irreversible.Step.UpFile} cannot be undone ({irreversible.IrreversibleBecause ?? "it has no down"}); nothing was run: go back only to after it (--to {irreversible.Point}), or add --force to pass over it (its down file is not run) and undo the rest");
        }

        return undo;
    }

    public static string Describe(StepState state) => state switch
    {
        StepState.Pending => "pending",
        StepState.Done => "done",
        StepState.Interrupted => "interrupted",
        StepState.Undone => "undone",
        StepState.UndoInterrupted => "interrupted while undone",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static StepState StateOf(HistoryEntry? last) => last switch
    {
        null => StepState.Pending,
        { Down: false, Outcome: HistoryOutcome.Done } => StepState.Done,
        { Down: false } => StepState.Interrupted,
        { Down: true, Outcome: HistoryOutcome.Done or HistoryOutcome.Skipped } => StepState.Undone,
        _ => StepState.UndoInterrupted,
    };
}
