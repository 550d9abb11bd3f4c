namespace SchemaPlanner.Planning;

/// <summary>What a recipe contributes: steps, app instructions per release, and offline changes.</summary>
public sealed class RecipeOutput
{
    public List<PlanStep> Steps { get; } = [];

    public List<(int Release, string Instruction)> AppInstructions { get; } = [];

    public List<OfflineChange> Offline { get; } = [];
}
