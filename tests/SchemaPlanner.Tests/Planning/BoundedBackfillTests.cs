using System.Text.RegularExpressions;
using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using Planned = SchemaPlanner.Tests.Acceptance.PlannedMigration;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A backfill walks only the rows that existed when it started: rows the application inserts meanwhile are filled by
/// the sync trigger, so a table under steady inserts (faster than the backfill's batches) no longer keeps the walk
/// going until the inserts stop. Single and composite keys (compared as rows).
/// </summary>
public sealed partial class BoundedBackfillTests(ITestOutputHelper output)
{
    private const int SeedRows = 3000;

    /// <summary>The inserter's own bound: it stops there even if the backfill never finishes.</summary>
    private const int MaxInsertRounds = 600;

    public static TheoryData<string, string, string, string> Tables() => new()
    {
        {
            "single key",
            $"CREATE TABLE articles (id bigserial PRIMARY KEY, text text NOT NULL); INSERT INTO articles (text) SELECT 'seed ' || g FROM generate_series(1, {SeedRows}) g;",
            "CREATE TABLE articles (id bigserial PRIMARY KEY, body text NOT NULL);",
            "INSERT INTO articles (text) SELECT 'app ' || g FROM generate_series(1, 500) g"
        },
        {
            "composite key",
            $"CREATE TABLE articles (tenant int NOT NULL, seq int NOT NULL, text text NOT NULL, PRIMARY KEY (tenant, seq)); INSERT INTO articles SELECT g % 3, g, 'seed ' || g FROM generate_series(1, {SeedRows}) g;",
            "CREATE TABLE articles (tenant int NOT NULL, seq int NOT NULL, body text NOT NULL, PRIMARY KEY (tenant, seq));",
            // Into the highest tenant: past the start's max key compared as a row (not column by column: the tenant
            // is the same). Rows inserted below the max key are walked too, as a keyset cannot tell them from old ones.
            "INSERT INTO articles SELECT 2, 1000000 + (SELECT nextval('round')) * 1000 + g, 'app ' || g FROM generate_series(1, 500) g"
        },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Backfill_finishes_under_steady_inserts_and_the_trigger_fills_the_new_rows(string label, string old, string desired, string insert)
    {
        output.WriteLine(label);
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(old + " CREATE SEQUENCE round;");
        using var folder = new Cli.Cli.Folder(("desired.sql", desired));
        var config = SchemaPlannerConfig.Parse(
            """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "batchSize": 100, "batchPauseMs": 20, "smallTableRows": 0 }""",
            "schemaplan.json");
        var analysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), config);
        var steps = Planned.Create(analysis, config).InRunOrder().ToList();
        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var step in steps.Where(s => s.Step.Release == 1 && s.Step.Phase == Phase.PreDeploy))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        // The application inserts (through the old shape) many more rows per round than a batch holds, until the
        // backfill is done or its own bound is reached; the backfill starts once the inserts are under way.
        using var backfillDone = new CancellationTokenSource();
        var firstRound = new TaskCompletionSource();
        var inserter = Task.Run(async () =>
        {
            await using var app = new NpgsqlConnection(database.ConnectionString);
            await app.OpenAsync();
            var rounds = 0;
            for (; rounds < MaxInsertRounds && !backfillDone.IsCancellationRequested; rounds++)
            {
                await using var command = new NpgsqlCommand(insert, app);
                await command.ExecuteNonQueryAsync();
                firstRound.TrySetResult();
            }

            return rounds;
        });
        await firstRound.Task;

        var notices = new List<string>();
        runner.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        var backfill = Assert.Single(steps, s => s.Step.Phase == Phase.Backfill);
        try
        {
            await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        }
        finally
        {
            await backfillDone.CancelAsync();
        }

        var rounds = await inserter;
        var total = await database.QueryScalarAsync<long>("SELECT count(*) FROM articles");
        var done = notices.Single(n => n.Contains(" done: ", StringComparison.Ordinal));
        var scanned = long.Parse(ScannedRows().Match(done).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{done}; the app inserted {rounds} rounds, {total} rows in all");

        // It finished while the inserts went on, having walked only what was there when it started.
        Assert.True(rounds < MaxInsertRounds, $"the backfill only finished once the inserts stopped ({rounds} rounds)");
        Assert.InRange(scanned, SeedRows, total - 1);

        // Every row has its value: the seed rows from the backfill, the inserted ones from the trigger.
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        Assert.Equal(SeedRows, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body LIKE 'seed %'"));

        // A second run changes nothing.
        notices.Clear();
        await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        Assert.Contains(notices, n => n.Contains(" done: ", StringComparison.Ordinal) && n.EndsWith(", 0 updated", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"done: (\d+) rows scanned")]
    private static partial Regex ScannedRows();
}
