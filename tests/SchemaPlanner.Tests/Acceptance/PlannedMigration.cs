using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Safety;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// The pipeline as the CLI runs it (analyze → plan → render), and a runner that executes the rendered files on a
/// database the way a team's migration runner would: release by release, phase by phase, with a hook between
/// each release's backfill and its verify (where both app versions are live).
/// </summary>
internal sealed record PlannedMigration(SchemaAnalysis Analysis, MigrationPlan Plan, IReadOnlyList<RenderedStep> Steps)
{
    public static readonly PlanRenderer Renderer = new(new TemplateCatalog(null));

    public SchemaModel Desired => Analysis.Desired.Schema.Model;

    public static async Task<SchemaAnalysis> AnalyzeAsync(string serverConnectionString, string current, string desired, SchemaPlannerConfig config)
    {
        await using var scratch = new ScratchServer(serverConnectionString);
        return await SchemaAnalyzer.AnalyzeAsync(new AnalysisRequest(current, desired, config, serverConnectionString), scratch, CancellationToken.None);
    }

    /// <summary>Plans <paramref name="changes"/> (all of the analysis' changes when null) and renders the steps.</summary>
    public static PlannedMigration Create(SchemaAnalysis analysis, SchemaPlannerConfig config, IReadOnlyList<ClassifiedChange>? changes = null)
    {
        var plan = PlanOnly(analysis, config, changes);
        return new PlannedMigration(analysis, plan, Renderer.RenderSteps(plan));
    }

    public static MigrationPlan PlanOnly(SchemaAnalysis analysis, SchemaPlannerConfig config, IReadOnlyList<ClassifiedChange>? changes = null)
    {
        var context = new PlanningContext(
            analysis.Current.Schema.Model,
            analysis.Desired.Schema.Model,
            changes ?? analysis.Changes,
            config,
            analysis.Context.ServerVersionNumber,
            StatementRenderer.BuiltIn);
        return Planner.Plan(context, SchemaFingerprint.Of(analysis.Current.Schema.Model), SchemaFingerprint.Of(analysis.Desired.Schema.Model));
    }

    /// <summary>The steps in the order a runner takes them: release, then phase, then file number.</summary>
    public IEnumerable<RenderedStep> InRunOrder() =>
        Steps.Select((s, i) => (s, i)).OrderBy(p => p.s.Step.Release).ThenBy(p => p.s.Step.Phase).ThenBy(p => p.i).Select(p => p.s);

    /// <summary>
    /// Runs every up file on one session (notices collected), calling <paramref name="bothAppsLive"/> with the
    /// release number after the release's backfill phase and before its verify phase.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(string connectionString, Func<int, Task>? bothAppsLive = null)
    {
        var notices = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        connection.Notice += (_, e) =>
        {
            lock (notices)
            {
                notices.Add(e.Notice.MessageText);
            }
        };

        foreach (var release in InRunOrder().GroupBy(s => s.Step.Release))
        {
            var hookDone = false;
            foreach (var step in release)
            {
                if (!hookDone && step.Step.Phase > Phase.Backfill)
                {
                    hookDone = true;
                    if (bothAppsLive is not null)
                    {
                        await bothAppsLive(release.Key);
                    }
                }

                await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            }

            if (!hookDone && bothAppsLive is not null)
            {
                await bothAppsLive(release.Key);
            }
        }

        return notices;
    }

    /// <summary>What is left to do: diff(database, desired), without the unsupported objects already reported.</summary>
    public static async Task<IReadOnlyList<Change>> RemainingAsync(string connectionString, SchemaModel desired, IReadOnlyCollection<UnsupportedChange>? reported = null)
    {
        var migrated = (await SchemaReader.ReadAsync(connectionString, CancellationToken.None)).Model;
        return SchemaDiffer.Diff(migrated, desired).Changes
            .Where(c => !(c is UnsupportedChange u && reported is not null && reported.Any(r => r.Name == u.Name)))
            .ToList();
    }

    /// <summary>Runs each statement of a script on its own, in autocommit mode (as an application would).</summary>
    public static async Task RunStatementsAsync(string connectionString, string file, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in SqlScript.Split(file, sql))
        {
            try
            {
                await SingleStatement.ExecuteAsync(connection, statement.Text, CancellationToken.None);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException($"{statement.Location}: {ex.SqlState}: {ex.MessageText}\n{statement.Text}", ex);
            }
        }
    }

    public static string Describe(IEnumerable<Change> changes) => string.Join("\n", changes.Select(c => "  " + c.Describe()));

    public string DescribeSteps() => string.Join("\n", InRunOrder().Select(s => "  " + s.UpPath + (s.Step.Transactional ? "" : " (no transaction)")));
}
