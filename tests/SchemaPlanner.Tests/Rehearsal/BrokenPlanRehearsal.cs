using SchemaPlanner.Templates;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// Analyzes a current and a desired schema on the test server (as <c>schemaplan plan</c> does) and rehearses a
/// hand-written list of steps against them with the product's <see cref="PlanRehearsal"/>: synthetic rows on a
/// scratch database, both app versions writing on the release timeline, every invariant at every boundary.
/// </summary>
internal static class BrokenPlanRehearsal
{
    /// <summary>Few rows and a short step timeout: the invariants do not depend on volume, the 2-core machine does.</summary>
    public static RehearsalOptions Options { get; } = new() { RowsPerTable = 300, StepTimeout = TimeSpan.FromSeconds(60) };

    public static async Task<RehearsalReport> RunAsync(string current, string desired, IReadOnlyList<ExecutableStep> steps, RehearsalOptions? options = null, SchemaPlannerConfig? config = null)
    {
        var server = await PostgresServer.GetAsync();
        var folder = Path.Combine(Path.GetTempPath(), "schemaplan-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var currentFile = Path.Combine(folder, "current.sql");
            var desiredFile = Path.Combine(folder, "desired.sql");
            await File.WriteAllTextAsync(currentFile, current);
            await File.WriteAllTextAsync(desiredFile, desired);
            await using var scratch = new ScratchServer(server.ConnectionString);
            config ??= SchemaPlannerConfig.Empty;
            var analysis = await SchemaAnalyzer.AnalyzeAsync(new AnalysisRequest(currentFile, desiredFile, config, server.ConnectionString), scratch, CancellationToken.None);
            var input = new RehearsalInput(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, analysis.Changes.Select(c => c.Change).ToList(), config, steps, StatementRenderer.BuiltIn);
            return await PlanRehearsal.RunAsync(input, scratch, options ?? Options, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Rehearses a plan that must fail, and returns the message of the failure (a planning error).</summary>
    public static async Task<string> FailureAsync(string current, string desired, IReadOnlyList<ExecutableStep> steps, RehearsalOptions? options = null, SchemaPlannerConfig? config = null)
    {
        var failure = await Assert.ThrowsAsync<SchemaPlannerException>(() => RunAsync(current, desired, steps, options, config));
        Assert.Equal(ErrorKind.Planning, failure.Kind);
        return failure.Message;
    }

    /// <summary>The text an invariant's failure carries: <c>invariant "name" broken: detail</c>.</summary>
    public static string Broken(string invariant) => $"invariant \"{invariant}\" broken: ";
}
