using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Templates;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Generated files survive being stopped half-way and run again: a backfill cancelled after some committed
/// batches finishes on the second run with nothing lost, and a concurrent unique index build that failed on
/// duplicate rows (leaving an INVALID index) succeeds when the same file runs again after the data is fixed.
/// </summary>
public sealed class RerunTests(ITestOutputHelper output)
{
    private const int Rows = 20_000;

    [Fact]
    public async Task Cancelled_backfill_finishes_on_a_second_run_with_nothing_lost()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync($"""
            CREATE TABLE articles (id bigserial PRIMARY KEY, title text NOT NULL, text text NOT NULL);
            INSERT INTO articles (title, text) SELECT 'Title ' || g, 'Body of article ' || g FROM generate_series(1, {Rows}) g;
            """);
        using var desired = new TemporaryFile("""
            CREATE TABLE articles (id bigserial PRIMARY KEY, title text NOT NULL, body text NOT NULL);
            """);
        var config = SchemaPlannerConfig.Parse(
            """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "batchSize": 200, "batchPauseMs": 50, "smallTableRows": 0 }""",
            "schemaplan.json");
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, desired.Path, config);
        var planned = PlannedMigration.Create(analysis, config);
        var steps = planned.InRunOrder().ToList();
        var backfill = Assert.Single(steps, s => s.Step.Phase == Phase.Backfill);
        Assert.False(backfill.Step.Transactional);

        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var step in steps.Where(s => s.Step.Release == 1 && s.Step.Phase == Phase.PreDeploy))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        // First run: cancelled from another session once some batches have committed.
        var pid = await ScalarAsync<int>(runner, "SELECT pg_backend_pid()");
        var firstRun = StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, transactional: false, CancellationToken.None);
        await using (var monitor = new NpgsqlConnection(database.ConnectionString))
        {
            await monitor.OpenAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await ScalarAsync<long>(monitor, "SELECT count(*) FROM articles WHERE body IS NOT NULL") < 600 && !firstRun.IsCompleted)
            {
                Assert.True(DateTime.UtcNow < deadline, "the backfill committed nothing within a minute");
                await Task.Delay(20);
            }

            Assert.True(await ScalarAsync<bool>(monitor, $"SELECT pg_cancel_backend({pid})"));
        }

        var cancelled = await Assert.ThrowsAsync<SchemaPlannerException>(() => firstRun);
        Assert.Equal("57014", cancelled.SqlState);
        var doneBefore = await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NOT NULL");
        output.WriteLine($"cancelled after {doneBefore} of {Rows} rows: {cancelled.Message}");
        Assert.InRange(doneBefore, 600, Rows - 1);
        Assert.True(await database.QueryScalarAsync<bool>("SELECT bool_and(body = text) FROM articles WHERE body IS NOT NULL"));

        // Meanwhile both app versions keep writing.
        await database.ExecuteAsync("""
            INSERT INTO articles (title, text) VALUES ('old app', 'written by the old app');
            UPDATE articles SET body = 'Body of article 19999, edited by the new app' WHERE id = 19999;
            """);

        // Second run: resumes and finishes; a third changes nothing.
        await using (var again = new NpgsqlConnection(database.ConnectionString))
        {
            await again.OpenAsync();
            var notices = new List<string>();
            again.Notice += (_, e) => notices.Add(e.Notice.MessageText);
            await StepRunner.RunFileAsync(again, backfill.UpPath, backfill.Up, transactional: false, CancellationToken.None);
            notices.Clear();
            await StepRunner.RunFileAsync(again, backfill.UpPath, backfill.Up, transactional: false, CancellationToken.None);
            Assert.Contains(notices, n => n.EndsWith(", 0 updated", StringComparison.Ordinal) && n.Contains(" done: ", StringComparison.Ordinal));
        }

        // Then the rest of the plan: verify passes, the old column goes, every row is right.
        foreach (var step in steps.Where(s => s.Step.Release > 1 || s.Step.Phase > Phase.Backfill))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        Assert.Empty(await PlannedMigration.RemainingAsync(database.ConnectionString, planned.Desired));
        Assert.Equal(Rows + 1, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles"));
        Assert.True(await database.QueryScalarAsync<bool>($"SELECT bool_and(body = 'Body of article ' || id) FROM articles WHERE id <= {Rows} AND id <> 19999"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT body = 'Body of article 19999, edited by the new app' FROM articles WHERE id = 19999"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT body = 'written by the old app' FROM articles WHERE title = 'old app'"));
    }

    [Fact]
    public async Task Failed_concurrent_unique_index_build_succeeds_when_run_again_after_the_data_is_fixed()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("""
            CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
            INSERT INTO users (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 1000) g;
            INSERT INTO users (email) VALUES ('user7@example.com');
            """);
        using var desired = new TemporaryFile("""
            CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, CONSTRAINT users_email_key UNIQUE (email));
            """);
        var config = SchemaPlannerConfig.Parse("""{ "smallTableRows": 0 }""", "schemaplan.json");
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, desired.Path, config);
        var planned = PlannedMigration.Create(analysis, config);
        var build = planned.InRunOrder().First();
        Assert.False(build.Step.Transactional);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY", build.Up, StringComparison.Ordinal);

        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        var failed = await Assert.ThrowsAsync<SchemaPlannerException>(() => RunAsync(runner, build));
        Assert.Equal("23505", failed.SqlState);
        output.WriteLine("first build: " + failed.Message);
        Assert.False(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"));

        // Running it again unchanged fails the same way (the INVALID leftover does not make it "exist").
        var again = await Assert.ThrowsAsync<SchemaPlannerException>(() => RunAsync(runner, build));
        Assert.Equal("23505", again.SqlState);

        await database.ExecuteAsync("DELETE FROM users a USING users b WHERE a.email = b.email AND a.id > b.id");
        await RunAsync(runner, build);
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid AND indisunique FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"));

        // The whole plan from the start (the build once more, a no-op now), then nothing is left to do.
        await planned.RunAsync(database.ConnectionString);
        Assert.Empty(await PlannedMigration.RemainingAsync(database.ConnectionString, planned.Desired));
        Assert.Equal(1000, await database.QueryScalarAsync<long>("SELECT count(*) FROM users"));
    }

    private static Task RunAsync(NpgsqlConnection connection, RenderedStep step) =>
        StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string sql)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "schemaplan-rerun-" + Guid.NewGuid().ToString("N") + ".sql");
            File.WriteAllText(Path, sql);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
