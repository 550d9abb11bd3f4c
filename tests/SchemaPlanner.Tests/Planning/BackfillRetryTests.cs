using Npgsql;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>A backfill batch that loses a lock conflict to the application is retried, the next batch is half as big, and the backfill completes.</summary>
public sealed class BackfillRetryTests
{
    [Fact]
    public async Task A_batch_blocked_by_an_application_row_lock_is_retried_not_the_whole_backfill()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("""
            CREATE TABLE articles (id serial PRIMARY KEY, text text NOT NULL);
            INSERT INTO articles (text) SELECT 'B' || g FROM generate_series(1, 3000) g;
            """);
        using var folder = new Cli.Cli.Folder(
            ("schema.sql", "CREATE TABLE articles (id serial PRIMARY KEY, body text NOT NULL);"),
            ("schemaplan.json", """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "batchPauseMs": 0 }"""));
        var outDir = folder.File("out");
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", outDir, "--no-rehearse");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);

        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(outDir, "release-1", "pre-deploy"), "*.up.sql").Order(StringComparer.Ordinal))
        {
            await StepRunner.RunFileAsync(runner, file, File.ReadAllText(file), transactional: true, CancellationToken.None);
        }

        // The application holds a lock on a row of the second batch for a while; the backfill's session gives up
        // waiting after 100 ms, so that batch fails with lock_not_available and must be retried.
        await using var app = new NpgsqlConnection(database.ConnectionString);
        await app.OpenAsync();
        await using var transaction = await app.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM articles WHERE id = 1500 FOR UPDATE", app, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var notices = new List<string>();
        runner.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        await using (var timeout = new NpgsqlCommand("SET lock_timeout = '100ms'", runner))
        {
            await timeout.ExecuteNonQueryAsync();
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(700);
            await transaction.CommitAsync();
        });
        var backfill = Directory.GetFiles(Path.Combine(outDir, "release-1", "backfill"), "*.up.sql").Single();
        var sql = File.ReadAllText(backfill).Replace("SET statement_timeout = '0';", "SET statement_timeout = '0'; SET lock_timeout = '100ms';", StringComparison.Ordinal);
        await StepRunner.RunFileAsync(runner, backfill, sql, transactional: false, CancellationToken.None);
        await release;

        var conflict = notices.FindIndex(n => n.Contains("batch lost a lock conflict", StringComparison.Ordinal));
        Assert.True(conflict >= 0, "no batch lost a lock conflict");

        // The batch after the one that lost the conflict is half its size (the first batch has the configured 1000 rows).
        var batches = BatchNotices.Read(notices);
        var before = batches.LastOrDefault(b => b.Index < conflict)?.NextRows ?? 1000;
        var after = batches.First(b => b.Index > conflict).NextRows;
        Assert.Equal(Math.Max(100, before / 2), after);
        await using var check = new NpgsqlCommand("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text", runner);
        Assert.Equal(0L, (long)(await check.ExecuteScalarAsync())!);
    }
}
