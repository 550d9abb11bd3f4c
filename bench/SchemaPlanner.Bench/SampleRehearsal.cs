using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Bench;

/// <summary>
/// <c>--rehearse-sample</c>: the bundled sample as demo.sh runs it (samples/current loaded with its rows,
/// samples/desired as the target, samples/schemaplan.json's hints), planned the way <c>schemaplan plan</c> plans
/// it, then rehearsed by the product's <see cref="PlanRehearsal"/> with both app versions writing. Prints the
/// product's own per-step table (<see cref="RehearsalText.Markdown"/>) and totals over all steps.
/// </summary>
internal static class SampleRehearsal
{
    public static async Task<int> RunAsync(Options options, Action<string> say, CancellationToken ct)
    {
        var samples = Path.Combine(options.RepoRoot, "samples");
        var wall = Stopwatch.StartNew();
        await using var server = await BenchServer.StartAsync(ct);
        say($"server: PostgreSQL {server.Version} on {server.Description}, ready in {wall.Elapsed.TotalSeconds:0.0} s");

        await using var current = await server.CreateDatabaseAsync(ct);
        foreach (var file in Directory.GetFiles(Path.Combine(samples, "current"), "*.sql").Order(StringComparer.Ordinal))
        {
            await server.ExecuteAsync(current.Name, await File.ReadAllTextAsync(file, ct), ct);
        }

        var config = SchemaPlannerConfig.Load(Path.Combine(samples, SchemaPlannerConfig.FileName), samples);
        var request = new AnalysisRequest(current.ConnectionString, Path.Combine(samples, "desired"), config, server.ConnectionString);
        await using var scratch = new ScratchServer(request.DevDatabase);
        var planning = Stopwatch.StartNew();
        var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, ct);
        var plan = Planner.Plan(
            new PlanningContext(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, analysis.Changes, config, analysis.Context.ServerVersionNumber, StatementRenderer.BuiltIn),
            SchemaFingerprint.Of(analysis.Current.Schema.Model),
            SchemaFingerprint.Of(analysis.Desired.Schema.Model));
        var steps = new PlanRenderer(new TemplateCatalog(null)).RenderSteps(plan);
        planning.Stop();
        say($"plan: {plan.Changes.Count} change(s) ({plan.Changes.Count(c => !c.Safe)} unsafe), {plan.Releases.Count} release(s), {steps.Count} step(s), " +
            $"analysed and planned in {planning.Elapsed.TotalSeconds:0.0} s; offline: {plan.Offline.Count}");

        var failed = 0;
        foreach (var onSampleRows in options.RehearsalSources)
        {
            var rehearsal = new RehearsalOptions
            {
                RowsPerTable = options.RehearsalRows,
                TransactionsPerSecond = options.RehearsalRate,
                RehearseOn = onSampleRows ? await CopyAsync(server, current, ct) : null,
            };
            say(string.Empty);
            say($"== rehearsal on {(onSampleRows ? "a copy of samples/current with its own rows (as --rehearse-on)" : $"synthetic rows (up to {rehearsal.RowsPerTable} per table, as schemaplan plan and demo.sh)")}: " +
                $"each app version at {rehearsal.TransactionsPerSecond} tx/s, at least {rehearsal.OperationsBeforeStep} operations and one on each changed table before each step (at most {rehearsal.DwellLimit.TotalSeconds:0} s), load average {Bench.LoadAverage()}");
            var rehearsing = Stopwatch.StartNew();
            try
            {
                var report = await PlanRehearsal.RunAsync(
                    new RehearsalInput(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, plan.Changes.Select(c => c.Change).ToList(), config, PlanWriter.Executable(steps), StatementRenderer.BuiltIn),
                    scratch,
                    rehearsal,
                    ct);
                rehearsing.Stop();
                say(RehearsalText.Markdown(report));
                say(Totals(report, rehearsing.Elapsed));
            }
            catch (SchemaPlannerException ex)
            {
                // A failed rehearsal has no report; what it stopped on is the figure worth printing.
                failed++;
                say($"rehearsal FAILED after {rehearsing.Elapsed.TotalSeconds:0.0} s: {ex.Message}");
            }
            finally
            {
                if (rehearsal.RehearseOn is { } copy)
                {
                    NpgsqlConnection.ClearAllPools();
                    await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(copy).Database} WITH (FORCE)", ct);
                }
            }
        }

        say(string.Empty);
        say($"load average at end: {Bench.LoadAverage()}; whole run {wall.Elapsed.TotalSeconds:0.0} s");
        NpgsqlConnection.ClearAllPools();
        return failed == 0 ? 0 : 1;
    }

    /// <summary>A copy of the loaded sample (the rehearsal changes the database it runs on).</summary>
    private static async Task<string> CopyAsync(BenchServer server, ScratchDatabase current, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var name = current.Name + "_rows";
        await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name}", ct);
        await server.ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {current.Name}", ct);
        return new NpgsqlConnectionStringBuilder(current.ConnectionString) { Database = name }.ConnectionString;
    }

    private static string Totals(RehearsalReport report, TimeSpan wall)
    {
        var steps = report.Steps;
        var worst = steps.OrderByDescending(s => s.DurationMs).FirstOrDefault();
        string Version(AppVersion version)
        {
            var figures = steps.Select(s => version == AppVersion.Old ? s.Old : s.New).Where(f => f.Statements > 0).ToList();
            return figures.Count == 0
                ? "0 statements"
                : string.Create(CultureInfo.InvariantCulture, $"{figures.Sum(f => f.Statements)} statements, {figures.Sum(f => f.Errors)} errors, worst step p99 {figures.Max(f => f.P99Ms):0.#} ms, max {figures.Max(f => f.MaxMs):0.#} ms");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"totals: {steps.Count} steps in {steps.Sum(s => s.DurationMs):0} ms of step time (longest: `{worst?.File}` {worst?.DurationMs:0} ms), rehearsal wall clock {wall.TotalSeconds:0.0} s\n" +
            $"  old version: {Version(AppVersion.Old)}\n" +
            $"  new version: {Version(AppVersion.New)}\n" +
            $"  longest lock wait of any step: {(steps.Count == 0 ? 0 : steps.Max(s => s.LongestLockWaitMs)):0} ms; boundaries checked: {report.Boundaries}, " +
            $"row/value checks {report.ValueChecks}, view checks {report.ViewChecks}, bad writes rejected {report.ProbesRejected}");
    }
}
