using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// The whole plan: the releases in order, every change with its verdict, the changes that need the offline
/// runbook, the recipe each change follows (aligned with <see cref="Changes"/>), and the fingerprints of the schemas it goes from and to.
/// </summary>
public sealed record MigrationPlan(
    IReadOnlyList<Release> Releases,
    IReadOnlyList<ClassifiedChange> Changes,
    IReadOnlyList<string> ChangeRecipes,
    IReadOnlyList<OfflineChange> Offline,
    string FromFingerprint,
    string ToFingerprint,
    Configuration.PlannerSettings Settings)
{
    public IEnumerable<PlanStep> Steps => Releases.SelectMany(r => r.Steps);
}
