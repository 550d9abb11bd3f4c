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
/// A backfill sizes each batch from the last one's time (about 90% of <c>batchTargetMs</c>, at most 1.2× larger a
/// step, within a tenth of <c>batchSize</c> and <c>batchSizeMax</c>) and pauses in proportion to it. Quick batches
/// grow; batches made slow by a per-row trigger that sleeps shrink; every row is filled either way.
/// </summary>
public sealed class BackfillPacingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_batches_grow_at_most_1_2x_a_step_up_to_the_maximum()
    {
        var notices = await BackfillAsync(rows: 20_000, extra: "", """ "batchSize": 100, "batchSizeMax": 1000, "batchTargetMs": 2000, "batchPauseMs": 0 """);
        var batches = BatchNotices.Read(notices);

        BatchNotices.AssertBounded(batches, first: 100, min: 10, max: 1000);
        Assert.True(batches.Max(b => b.NextRows) > 100, "the batch size never grew: " + string.Join(", ", batches.Select(b => b.NextRows)));

        // The pause follows the batch: half its time (the default fraction), at least the configured 0 ms.
        Assert.All(batches, b => Assert.True(b.PauseMilliseconds >= (b.TookMilliseconds / 2) - 1, $"a {b.TookMilliseconds} ms batch paused {b.PauseMilliseconds} ms"));
    }

    [Fact]
    public async Task Batches_slower_than_the_target_shrink_and_the_pause_stays_at_least_the_configured_one()
    {
        // Every updated row costs at least 2 ms, so a batch of 200 takes at least 400 ms against a 90 ms aim.
        const string slow = """
            CREATE FUNCTION slow_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN NEW; END $$;
            CREATE TRIGGER slow_row BEFORE UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION slow_row();
            """;
        var notices = await BackfillAsync(rows: 1_000, slow, """ "batchSize": 200, "batchTargetMs": 100, "batchPauseMs": 30 """);
        var batches = BatchNotices.Read(notices);

        BatchNotices.AssertBounded(batches, first: 200, min: 20, max: 100_000);
        Assert.True(batches[0].NextRows < 200, $"a {batches[0].TookMilliseconds} ms batch did not shrink the next one ({batches[0].NextRows} rows)");
        Assert.All(batches, b => Assert.True(b.PauseMilliseconds >= 30, $"paused {b.PauseMilliseconds} ms, under the configured 30"));
    }

    private async Task<IReadOnlyList<string>> BackfillAsync(int rows, string extra, string settings)
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(
            $"CREATE TABLE articles (id bigserial PRIMARY KEY, text text NOT NULL); INSERT INTO articles (text) SELECT 'seed ' || g FROM generate_series(1, {rows}) g;");
        using var folder = new Cli.Cli.Folder(("desired.sql", "CREATE TABLE articles (id bigserial PRIMARY KEY, body text NOT NULL);"));
        var config = SchemaPlannerConfig.Parse(
            $$"""{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0, {{settings}} }""",
            "schemaplan.json");
        var analysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), config);
        var steps = Planned.Create(analysis, config).InRunOrder().ToList();
        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var step in steps.Where(s => s.Step.Release == 1 && s.Step.Phase == Phase.PreDeploy))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        if (extra.Length > 0)
        {
            await using var command = new NpgsqlCommand(extra, runner);
            await command.ExecuteNonQueryAsync();
        }

        var notices = new List<string>();
        runner.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        var backfill = Assert.Single(steps, s => s.Step.Phase == Phase.Backfill);
        await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        foreach (var notice in notices)
        {
            output.WriteLine(notice);
        }

        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        return notices;
    }
}
