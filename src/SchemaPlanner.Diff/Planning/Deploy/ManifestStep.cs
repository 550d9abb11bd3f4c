using SchemaPlanner.Planning.Execution;

namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// One step of a written plan, in plan.json order (<see cref="Index"/>), with the checksums its files had when
/// planned (null in plans written before checksums existed) and why it cannot be undone, when it cannot.
/// </summary>
public sealed record ManifestStep(
    int Index,
    ExecutableStep Step,
    string Title,
    string? UpChecksum,
    string? DownChecksum,
    string? IrreversibleBecause)
{
    /// <summary>Where the step runs, as <c>--to</c> names it.</summary>
    public PhasePoint Point => PhasePoint.At(Step.Release, Step.Phase);
}
