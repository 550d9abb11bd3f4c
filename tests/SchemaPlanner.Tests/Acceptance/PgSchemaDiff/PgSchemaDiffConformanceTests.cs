using System.Text;
using System.Text.Json;
using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance.PgSchemaDiff;

/// <summary>
/// The 357 acceptance cases of pg-schema-diff (<c>shared/conformance/pg-schema-diff</c>) through the whole planner.
/// For each case whose old.sql and new.sql load on the test server: diff(old, old) and diff(new, new) are empty,
/// an <c>expectEmptyPlan</c> case has no change, and the plan (not rehearsed), applied file by file to a database
/// built from old.sql, leaves the schema of new.sql. A case that pg-schema-diff expects to fail planning passes
/// when our plan is refused with a clear error, or when it works. The cases that do not load (PostgreSQL 16/17
/// syntax) and the ones that fail are checked-in lists: the test fails when either set differs from its list, so
/// a fix removes its line and a regression shows up.
/// </summary>
public sealed class PgSchemaDiffConformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// The roles the <c>usesRoles</c> cases grant to and name in policies (pg-schema-diff's tests create them; the
    /// last two check quoting). Roles are cluster-wide, so they are created once on the test server.
    /// </summary>
    internal static readonly string[] CaseRoles = ["role_1", "role_2", "app_user", "evil\"role", "x\"; DROP TABLE foobar; --"];

    /// <summary>
    /// pg-schema-diff refuses to apply a plan with a hazard until the user allows it; where its hazard is a
    /// decision our planner also leaves to the user (the <c>manual</c> recipe), the case's hazard stands for that
    /// decision and becomes the matching <c>allow</c> entries, as a user would write them in schemaplan.json.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedByHazard = new(StringComparer.Ordinal)
    {
        // Enabling RLS or adding a restrictive policy changes who sees which rows.
        ["AuthzUpdate"] = ["SP1007", "SP6004"],

        // Dropping a primary key or unique constraint breaks the running app's ON CONFLICT on it.
        ["IndexDropped"] = ["SP4007"],
    };

    /// <summary>Cases at once: each uses four databases on the shared server, mostly waiting on it.</summary>
    private const int Parallelism = 4;

    private const string OnlyVariable = "SCHEMAPLAN_PG_SCHEMA_DIFF_ONLY";

    private static string ListsFolder => Path.Combine(RepositoryPaths.RepositoryRoot(), "tests", "SchemaPlanner.Tests", "Acceptance", "PgSchemaDiff");

    [Fact]
    public async Task Every_loading_case_plans_applies_and_reaches_new()
    {
        var server = await PostgresServer.GetAsync();
        await server.EnsureRolesAsync(CaseRoles);
        var folders = Directory.GetDirectories(RepositoryPaths.PgSchemaDiffRoot()).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(357, folders.Count);

        // While working on one group: only the cases whose folder name starts with this, compared with their lines.
        var only = Environment.GetEnvironmentVariable(OnlyVariable);
        if (!string.IsNullOrEmpty(only))
        {
            folders = folders.Where(f => Path.GetFileName(f).StartsWith(only, StringComparison.Ordinal)).ToList();
        }

        using var gate = new SemaphoreSlim(Parallelism);
        var outcomes = await Task.WhenAll(folders.Select(async folder =>
        {
            await gate.WaitAsync();
            try
            {
                return await CaseRun.RunAsync(server, folder);
            }
            finally
            {
                gate.Release();
            }
        }));

        var passed = outcomes.Where(o => o.Kind == OutcomeKind.Passed).ToList();
        var failed = outcomes.Where(o => o.Kind == OutcomeKind.Failed).ToList();
        var skipped = outcomes.Where(o => o.Kind == OutcomeKind.NotLoading).ToList();
        var loading = passed.Count + failed.Count;
        var summary = $"pg-schema-diff conformance: {passed.Count} passed, {failed.Count} failed of {loading} loading cases "
            + $"({100.0 * passed.Count / Math.Max(loading, 1):F1}%), {skipped.Count} skipped (do not load on PostgreSQL 15)";
        output.WriteLine(summary);
        foreach (var outcome in outcomes.Where(o => o.Kind != OutcomeKind.Passed))
        {
            output.WriteLine($"  {outcome.Kind}: {outcome.Name} [{outcome.Title}]: {outcome.Reason}");
        }

        if (AcceptanceCase.UpdateGolden && string.IsNullOrEmpty(only))
        {
            WriteList("KnownFailures.txt", failed);
            WriteList("NotLoading.txt", skipped);
            return;
        }

        var problems = new StringBuilder();
        var ran = outcomes.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        Compare("KnownFailures.txt", "fail", failed, ran, problems);
        Compare("NotLoading.txt", "do not load", skipped, ran, problems);
        Assert.True(problems.Length == 0, summary + "\n" + problems + "(SCHEMAPLAN_UPDATE_GOLDEN=1 rewrites both lists; review their diff)");
    }

    private static void Compare(string list, string what, IReadOnlyList<Outcome> actual, HashSet<string> ran, StringBuilder problems)
    {
        var expected = ReadList(list).Where(e => ran.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var outcome in actual.Where(o => !expected.ContainsKey(o.Name)))
        {
            problems.AppendLine($"{outcome.Name} ({outcome.Title}) now {what} but is not in {list}: {outcome.Reason}");
        }

        foreach (var name in expected.Keys.Where(n => actual.All(o => o.Name != n)))
        {
            problems.AppendLine($"{name} is in {list} ({expected[name]}) but no longer {what}: remove its line");
        }
    }

    /// <summary>One case a line: the folder name, a tab, the reason. Lines starting with # are comments.</summary>
    private static Dictionary<string, string> ReadList(string list) =>
        File.ReadAllLines(Path.Combine(ListsFolder, list))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    private static void WriteList(string list, IReadOnlyList<Outcome> outcomes)
    {
        var header = list == "KnownFailures.txt"
            ? "# pg-schema-diff cases that load on PostgreSQL 15 but fail today (folder<TAB>why). A fix removes its line.\n"
            : "# pg-schema-diff cases whose old.sql or new.sql does not load on PostgreSQL 15 (folder<TAB>the server's error).\n";
        File.WriteAllText(
            Path.Combine(ListsFolder, list),
            header + string.Concat(outcomes.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Name + "\t" + o.Reason + "\n")));
    }

    private enum OutcomeKind
    {
        Passed,
        Failed,
        NotLoading,
    }

    private sealed record Outcome(string Name, string Title, OutcomeKind Kind, string Reason);

    private sealed record CaseFile(string Name, string[] Hazards, bool ExpectEmptyPlan, bool ExpectError);

    /// <summary>One case, start to end; every failure becomes a one-line reason, never an exception.</summary>
    private static class CaseRun
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

        public static async Task<Outcome> RunAsync(PostgresServer server, string folder)
        {
            var name = Path.GetFileName(folder);
            var @case = JsonSerializer.Deserialize<CaseFile>(await File.ReadAllTextAsync(Path.Combine(folder, "case.json")), Json)!;
            var oldPath = Path.Combine(folder, "old.sql");
            var newPath = Path.Combine(folder, "new.sql");
            Outcome Result(OutcomeKind kind, string reason) => new(name, @case.Name, kind, OneLine(reason));

            await using var old = await TryLoadAsync(server, oldPath);
            await using var @new = await TryLoadAsync(server, newPath);
            if (old.Error is not null || @new.Error is not null)
            {
                return Result(OutcomeKind.NotLoading, old.Error is not null ? "old.sql: " + old.Error : "new.sql: " + @new.Error);
            }

            try
            {
                var failure = await PlanAndApplyAsync(server, @case, old.Database!, @new.Database!, oldPath, newPath);
                return Result(failure is null ? OutcomeKind.Passed : OutcomeKind.Failed, failure ?? "");
            }
            catch (Exception ex) when (ex is SchemaPlannerException or PostgresException or InvalidOperationException)
            {
                return Result(OutcomeKind.Failed, "unexpected: " + ex.Message);
            }
        }

        /// <summary>Null when the case passes, else why not.</summary>
        private static async Task<string?> PlanAndApplyAsync(
            PostgresServer server, CaseFile @case, TestDatabase old, TestDatabase @new, string oldPath, string newPath)
        {
            var config = SchemaPlannerConfig.Empty with
            {
                Allow = @case.Hazards
                    .SelectMany(h => AllowedByHazard.GetValueOrDefault(h, []))
                    .Select(rule => new AllowEntry(rule, "*", "pg-schema-diff conformance: the case allows this hazard"))
                    .ToList(),
            };
            SchemaAnalysis analysis;
            try
            {
                analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, old.ConnectionString, newPath, config);
            }
            catch (SchemaPlannerException ex)
            {
                return "loading new.sql: " + ex.Message;
            }

            string? selfDiff;
            await using (var scratch = new ScratchServer(server.ConnectionString))
            {
                LoadedSchema oldFromSql;
                try
                {
                    oldFromSql = await SchemaSources.LoadAsync(oldPath, scratch, CancellationToken.None);
                }
                catch (SchemaPlannerException ex)
                {
                    return "loading old.sql: " + ex.Message;
                }

                var oldOld = SchemaDiffer.Diff(analysis.Current.Schema.Model, oldFromSql.Schema.Model).Changes;
                var newDatabase = (await SchemaReader.ReadAsync(@new.ConnectionString, CancellationToken.None)).Model;
                var newNew = SchemaDiffer.Diff(newDatabase, analysis.Desired.Schema.Model).Changes;
                selfDiff = oldOld.Count > 0 ? "diff(old, old): " + oldOld[0].Describe()
                    : newNew.Count > 0 ? "diff(new, new): " + newNew[0].Describe()
                    : null;
            }

            if (selfDiff is not null)
            {
                return selfDiff;
            }

            var changes = analysis.Changes;
            if (@case.ExpectEmptyPlan)
            {
                return changes.Count == 0 ? null : "expected no change, got: " + changes[0].Change.Describe();
            }

            PlannedMigration planned;
            try
            {
                planned = PlannedMigration.Create(analysis, config);
            }
            catch (SchemaPlannerException ex)
            {
                // pg-schema-diff refuses these too; a clear refusal is what a user needs.
                return @case.ExpectError ? null : "plan: " + ex.Message;
            }

            try
            {
                await planned.RunAsync(old.ConnectionString);
            }
            catch (SchemaPlannerException ex)
            {
                return "apply: " + ex.Message;
            }

            var remaining = await PlannedMigration.RemainingAsync(old.ConnectionString, planned.Desired);
            return remaining.Count == 0 ? null : $"re-diff not empty ({remaining.Count}): " + remaining[0].Describe();
        }

        private static async Task<Loaded> TryLoadAsync(PostgresServer server, string path)
        {
            var sql = await File.ReadAllTextAsync(path);
            try
            {
                return new Loaded(await server.CreateDatabaseAsync(string.IsNullOrWhiteSpace(sql) ? null : sql), null);
            }
            catch (PostgresException ex)
            {
                return new Loaded(null, ex.SqlState + ": " + ex.MessageText);
            }
        }

        private static string OneLine(string text)
        {
            var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            return line.Length <= 200 ? line : line[..200] + "…";
        }
    }

    private sealed record Loaded(TestDatabase? Database, string? Error) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
