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
/// The backfill of a <c>copy</c> hint's new table walks only the source rows that existed when it started (the copy
/// trigger takes the rows the app inserts meanwhile), so it finishes under steady inserts; every matching source row
/// then has its target row, and a second run inserts nothing.
/// </summary>
public sealed partial class CopyBackfillTests(ITestOutputHelper output)
{
    private const int SeedRows = 3000;

    /// <summary>The inserter's own bound: it stops there even if the backfill never finishes.</summary>
    private const int MaxInsertRounds = 600;

    [Theory]
    [InlineData("REFERENCES users (id)")]
    [InlineData("REFERENCES users (id) ON DELETE CASCADE")]
    public async Task Copy_backfill_finishes_under_steady_inserts_and_every_matching_row_arrives(string foreignKey)
    {
        output.WriteLine(foreignKey);
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync($"""
            CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL, phone text);
            INSERT INTO users (name, phone) SELECT 'seed ' || g, CASE WHEN g % 4 <> 0 THEN 'p' || g END FROM generate_series(1, {SeedRows}) g;
            """);
        using var folder = new Cli.Cli.Folder(("desired.sql", $"""
            CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE user_phones (user_id bigint PRIMARY KEY {foreignKey}, phone text NOT NULL);
            """));
        var config = SchemaPlannerConfig.Parse(
            """
            { "hints": [ { "copy": "public.users", "into": "public.user_phones", "columns": { "user_id": "id", "phone": "phone" }, "where": "phone IS NOT NULL" } ],
              "batchSize": 100, "batchPauseMs": 20, "smallTableRows": 0 }
            """,
            "schemaplan.json");
        var analysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), config);
        var steps = Planned.Create(analysis, config).InRunOrder().ToList();
        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var step in steps.Where(s => s.Step.Release == 1 && s.Step.Phase == Phase.PreDeploy))
        {
            await StepRunner.RunFileAsync(runner, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }

        // The old app inserts users with phones (and updates and deletes old ones) much faster than a batch holds.
        using var backfillDone = new CancellationTokenSource();
        var firstRound = new TaskCompletionSource();
        var inserter = Task.Run(async () =>
        {
            await using var app = new NpgsqlConnection(database.ConnectionString);
            await app.OpenAsync();
            var rounds = 0;
            for (; rounds < MaxInsertRounds && !backfillDone.IsCancellationRequested; rounds++)
            {
                await using var command = new NpgsqlCommand(
                    $"INSERT INTO users (name, phone) SELECT 'app ' || g, 'a' || g FROM generate_series(1, 200) g; UPDATE users SET phone = 'u' || id WHERE id = {1 + (rounds * 7 % SeedRows)}; DELETE FROM users WHERE id = {SeedRows - rounds}",
                    app);
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
        var total = await database.QueryScalarAsync<long>("SELECT count(*) FROM users");
        var done = notices.Single(n => n.Contains(" done: ", StringComparison.Ordinal));
        output.WriteLine($"{done}; the app inserted {rounds} rounds, {total} users in all");
        Assert.True(rounds < MaxInsertRounds, $"the backfill only finished once the inserts stopped ({rounds} rounds)");
        Assert.InRange(long.Parse(Scanned().Match(done).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), SeedRows, total - 1);

        // Every user with a phone has its row with that phone; none without one has a row.
        Assert.Equal(0L, await database.QueryScalarAsync<long>(
            "SELECT count(*) FROM users u FULL JOIN user_phones p ON p.user_id = u.id WHERE (u.phone IS NOT NULL) IS DISTINCT FROM (p.user_id IS NOT NULL) OR p.phone IS DISTINCT FROM u.phone"));
        var verify = Assert.Single(steps, s => s.Step.Phase == Phase.Verify);
        await StepRunner.RunFileAsync(runner, verify.UpPath, verify.Up, verify.Step.Transactional, CancellationToken.None);

        // A second run inserts nothing; a verify after a lost row fails, naming the counts.
        notices.Clear();
        await StepRunner.RunFileAsync(runner, backfill.UpPath, backfill.Up, backfill.Step.Transactional, CancellationToken.None);
        Assert.Contains(notices, n => n.Contains(" done: ", StringComparison.Ordinal) && n.EndsWith(", 0 inserted", StringComparison.Ordinal));
        await database.ExecuteAsync("SET schemaplan.copying = 'backfill'; DELETE FROM user_phones WHERE user_id IN (1, 2); UPDATE user_phones SET phone = 'changed' WHERE user_id = 3;");
        var failure = await Assert.ThrowsAsync<Errors.SchemaPlannerException>(() =>
            StepRunner.RunFileAsync(runner, verify.UpPath, verify.Up, verify.Step.Transactional, CancellationToken.None));
        Assert.Contains("verify failed: 2 row(s) of public.users have no row in public.user_phones and 1 have different values (first key (1))", failure.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"done: (\d+) rows scanned")]
    private static partial Regex Scanned();
}
