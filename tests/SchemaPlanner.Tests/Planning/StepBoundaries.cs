using Npgsql;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// One moment between two files of a release: what ran last and what runs next. The app version the release
/// replaces is live until the first post-deploy file runs; the version it deploys is live once pre-deploy is done.
/// </summary>
internal sealed record StepBoundary(int Release, string After, Phase? Last, Phase? Next)
{
    public bool PreviousAppLive => Last is null or < Phase.PostDeploy;

    public bool NewAppLive => Next is null or > Phase.PreDeploy;

    public override string ToString() => $"release {Release}, after {After}" + (Next is null ? " (end)" : $" (next: {Next})");
}

/// <summary>
/// Runs the rendered files of a release one at a time and calls back at every boundary (before the first file and
/// after each one), so a test can run app statements or reads at each moment a real deploy could pause at.
/// A failure in the callback says at which boundary it happened.
/// </summary>
internal static class StepBoundaries
{
    public static async Task RunAsync(PlannedMigration migration, NpgsqlConnection connection, int release, Func<StepBoundary, Task> atBoundary)
    {
        var steps = migration.Steps.Where(s => s.Step.Release == release).ToList();
        await CallAsync(atBoundary, new StepBoundary(release, "start", null, steps.FirstOrDefault()?.Step.Phase));
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            await CallAsync(atBoundary, new StepBoundary(release, step.UpPath, step.Step.Phase, i + 1 < steps.Count ? steps[i + 1].Step.Phase : null));
        }
    }

    private static async Task CallAsync(Func<StepBoundary, Task> atBoundary, StepBoundary boundary)
    {
        try
        {
            await atBoundary(boundary);
        }
        catch (Exception ex) when (ex is PostgresException or Xunit.Sdk.XunitException or InvalidOperationException)
        {
            throw new InvalidOperationException($"at {boundary}: {ex.Message}", ex);
        }
    }
}
