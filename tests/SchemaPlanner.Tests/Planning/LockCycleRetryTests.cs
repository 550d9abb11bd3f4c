using Npgsql;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A locking step that takes two tables, against an application transaction that takes them in the other order
/// (the copy triggers between a table and the new one it moves into): the step's lock wait stays under
/// deadlock_timeout, so it is the step that gives up and retries, never the application's statement that
/// PostgreSQL cancels, and both finish.
/// </summary>
public sealed class LockCycleRetryTests
{
    [Fact]
    public async Task A_step_in_a_lock_cycle_with_the_application_gives_up_first_and_both_finish()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("""
            CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, phone text);
            INSERT INTO users (name, phone) SELECT 'U' || g, '+1-555-' || g FROM generate_series(1, 50) g;
            """);
        using var folder = new Cli.Cli.Folder(
            ("schema.sql", """
                CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE user_phones (user_id integer PRIMARY KEY REFERENCES users (id), phone text NOT NULL);
                """),
            ("schemaplan.json", """
                { "hints": [ { "copy": "public.users", "into": "public.user_phones", "columns": { "user_id": "id", "phone": "phone" }, "where": "phone IS NOT NULL" } ] }
                """));
        var outDir = folder.File("out");
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", outDir, "--no-rehearse");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);

        await using var runner = new NpgsqlConnection(database.ConnectionString);
        await runner.OpenAsync();
        foreach (var phase in new[] { "pre-deploy", "backfill", "verify" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(outDir, "release-1", phase), "*.up.sql").Order(StringComparer.Ordinal))
            {
                await StepRunner.RunFileAsync(runner, file, File.ReadAllText(file), transactional: phase != "backfill", CancellationToken.None);
            }
        }

        // The step drops the trigger on user_phones first, then those on users (the file's order).
        var drop = Directory.GetFiles(Path.Combine(outDir, "release-1", "post-deploy"), "*drop_copy_trigger*.up.sql").Single();
        var sql = File.ReadAllText(drop);
        Assert.True(sql.IndexOf("ON public.user_phones", StringComparison.Ordinal) < sql.IndexOf("ON public.users", StringComparison.Ordinal), sql);

        // The application holds users as a write to it does (ROW EXCLUSIVE); the step then takes user_phones and
        // waits for users; the application then writes to user_phones: a lock cycle.
        await using var app = new NpgsqlConnection(database.ConnectionString);
        await app.OpenAsync();
        await using var transaction = await app.BeginTransactionAsync();
        await using (var first = new NpgsqlCommand("LOCK TABLE users IN ROW EXCLUSIVE MODE", app, transaction))
        {
            await first.ExecuteNonQueryAsync();
        }

        var notices = new List<string>();
        runner.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        var step = StepRunner.RunFileAsync(runner, drop, sql, transactional: true, CancellationToken.None);
        await WaitUntilWaitingAsync(database.ConnectionString);
        await using (var second = new NpgsqlCommand("UPDATE user_phones SET phone = '+1-555-0000' WHERE user_id = 2", app, transaction))
        {
            await second.ExecuteNonQueryAsync(); // canceled with 40P01 if PostgreSQL resolved the cycle against the app
        }

        await transaction.CommitAsync();
        await step;

        Assert.Contains(notices, n => n.Contains("attempt 1 of", StringComparison.Ordinal));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'schemaplan_sync_%'"));
        Assert.Equal("+1-555-0000", await database.QueryScalarAsync<string>("SELECT phone FROM user_phones WHERE user_id = 2"));
    }

    /// <summary>Until a session waits for a lock in this database (the step, queued behind the application).</summary>
    private static async Task WaitUntilWaitingAsync(string connectionString)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the step never waited for the application's lock");
    }
}
