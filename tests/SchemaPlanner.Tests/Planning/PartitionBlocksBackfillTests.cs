using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Planned = SchemaPlanner.Tests.Acceptance.PlannedMigration;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The backfill of a partitioned table with no key at all, on real PostgreSQL 14+: each leaf partition is walked
/// by ranges of its own blocks (ctid is per partition). 5,000 rows over two partitions (an empty third one), a
/// column type change through a shadow column, the old app updating and inserting rows while the batches run;
/// after the whole plan, every row is read back and compared with what the app last wrote.
/// </summary>
public sealed class PartitionBlocksBackfillTests(ITestOutputHelper output)
{
    private const string Old = """
        CREATE TABLE readings (sensor integer NOT NULL, value integer, note text NOT NULL) PARTITION BY LIST (sensor);
        CREATE TABLE readings_1 PARTITION OF readings FOR VALUES IN (1);
        CREATE TABLE readings_2 PARTITION OF readings FOR VALUES IN (2);
        CREATE TABLE readings_other PARTITION OF readings DEFAULT;
        INSERT INTO readings SELECT 1 + g % 2, g, 'seed ' || g FROM generate_series(1, 5000) g;
        """;

    private const string Desired = """
        CREATE TABLE readings (sensor integer NOT NULL, value text, note text NOT NULL) PARTITION BY LIST (sensor);
        CREATE TABLE readings_1 PARTITION OF readings FOR VALUES IN (1);
        CREATE TABLE readings_2 PARTITION OF readings FOR VALUES IN (2);
        CREATE TABLE readings_other PARTITION OF readings DEFAULT;
        """;

    [Fact]
    public async Task Every_partition_is_walked_by_its_own_blocks_and_every_row_ends_with_its_value()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Old);
        using var folder = new Cli.Cli.Folder(("desired.sql", Desired));
        var config = SchemaPlannerConfig.Parse("""{ "batchSize": 100, "batchPauseMs": 20, "smallTableRows": 0 }""", "schemaplan.json");
        var analysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), config);
        var planned = Planned.Create(analysis, config);
        var steps = planned.InRunOrder().ToList();
        var backfill = Assert.Single(steps, s => s.Step.Phase == Phase.Backfill);
        Assert.Contains("pg_partition_tree('public.readings'::regclass)", backfill.Up, StringComparison.Ordinal);
        Assert.Contains("WHERE ctid >= $1 AND ctid < $2", backfill.Up, StringComparison.Ordinal);

        // What the app last wrote, row by row (note names a row), kept beside the table for the comparison.
        await database.ExecuteAsync("CREATE SCHEMA check_side; CREATE TABLE check_side.expected AS SELECT note, value FROM readings;");
        var blocks = await database.QueryScalarAsync<long>(
            "SELECT sum(pg_relation_size(relid) / current_setting('block_size')::bigint) FROM pg_partition_tree('readings') WHERE isleaf");
        Assert.True(blocks >= 10, $"{blocks} blocks: the rows should span several pages of each partition");

        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var step in steps.Where(s => s.Step.Phase < Phase.Backfill && s.Step.Release == 1))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        // The old app keeps updating rows (moving them to new blocks, ahead of the walk or behind it) and
        // inserting new ones, into every partition, between and during the batches.
        using var backfillDone = new CancellationTokenSource();
        var firstRound = new TaskCompletionSource();
        var app = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var round = 0;
            for (; round < 400 && !backfillDone.IsCancellationRequested; round++)
            {
                var sql = $"""
                    BEGIN;
                    UPDATE readings SET value = value + 100000 WHERE value % 53 = {round % 53} AND value < 5000000;
                    UPDATE check_side.expected SET value = value + 100000 WHERE value % 53 = {round % 53} AND value < 5000000;
                    INSERT INTO readings VALUES ({1 + (round % 3)}, {6000000 + round}, 'app {round}');
                    INSERT INTO check_side.expected VALUES ('app {round}', {6000000 + round});
                    COMMIT;
                    """;
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                firstRound.TrySetResult();
                await Task.Delay(5);
            }

            return round;
        });
        await firstRound.Task;

        var notices = new List<string>();
        runner.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        try
        {
            await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        }
        finally
        {
            await backfillDone.CancelAsync();
        }

        var rounds = await app;
        var done = notices.Single(n => n.Contains(" done: ", StringComparison.Ordinal));
        output.WriteLine($"{done}; the app ran {rounds} rounds");
        Assert.Contains("in 3 partitions", done, StringComparison.Ordinal);
        foreach (var partition in new[] { "readings_1", "readings_2" })
        {
            Assert.Contains(notices, n => n.Contains($"partition {partition}, walk 1, block ", StringComparison.Ordinal));
        }

        Assert.True(notices.Count(n => n.Contains(", walk ", StringComparison.Ordinal)) >= 6, "the walk took several batches: " + string.Join("\n", notices));
        BatchNotices.AssertBounded(BatchNotices.Read(notices), first: 100, min: 10, max: 100_000);

        // A second run changes nothing.
        notices.Clear();
        await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        Assert.Contains(notices, n => n.Contains(" done: ", StringComparison.Ordinal) && n.EndsWith(", 0 updated", StringComparison.Ordinal));

        foreach (var step in steps.Where(s => s.Step.Phase > Phase.Backfill || s.Step.Release > 1))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        // Every row, read back: the value the app last wrote, now as text, nothing lost and nothing extra.
        Assert.Equal("text", await database.QueryScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'readings' AND column_name = 'value'"));
        Assert.Equal(5000L + rounds, await database.QueryScalarAsync<long>("SELECT count(*) FROM readings"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("""
            SELECT count(*) FROM readings r FULL JOIN check_side.expected e USING (note)
             WHERE r.note IS NULL OR e.note IS NULL OR r.value IS DISTINCT FROM e.value::text
            """));
        Assert.True(await database.QueryScalarAsync<long>("SELECT count(*) FROM readings WHERE value::bigint > 100000 AND note LIKE 'seed %'") > 0, "the app's updates reached the table");

        await database.ExecuteAsync("DROP SCHEMA check_side CASCADE");
        Assert.Empty(await Planned.RemainingAsync(database.ConnectionString, planned.Desired));
    }
}
