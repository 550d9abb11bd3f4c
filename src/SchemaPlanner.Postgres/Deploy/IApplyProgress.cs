namespace SchemaPlanner.Deploy;

/// <summary>
/// Where <see cref="PlanApplier"/> reports what it does: plain lines (<see cref="Line"/>: each step as it starts
/// and ends, what the files RAISE) and, apart, a backfill's progress as numbers, so the CLI can draw it as a bar
/// on a terminal or write it as a line.
/// </summary>
public interface IApplyProgress
{
    void Line(string text);

    void Backfill(BackfillProgress progress);

    /// <summary>The step that reported <see cref="Backfill"/> (if any) has ended.</summary>
    void StepEnded();
}
