namespace SchemaPlanner.Planning.Deploy;

/// <summary>A step of the plan with its state in the target database and the history row that gave it.</summary>
public sealed record StepStatus(ManifestStep Step, StepState State, HistoryEntry? Last)
{
    /// <summary>Whether anything of the step may be in the database: it ran, partly or wholly, and was not undone.</summary>
    public bool Touched => State is StepState.Done or StepState.Interrupted or StepState.UndoInterrupted;
}
