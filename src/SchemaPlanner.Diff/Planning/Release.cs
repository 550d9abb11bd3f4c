namespace SchemaPlanner.Planning;

/// <summary>One application deploy: its steps in phase order, and what the app release must do.</summary>
public sealed record Release(int Number, IReadOnlyList<PlanStep> Steps, IReadOnlyList<string> AppInstructions)
{
    public IEnumerable<PlanStep> In(Phase phase) => Steps.Where(s => s.Phase == phase);
}
