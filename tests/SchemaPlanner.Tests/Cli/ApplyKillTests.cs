using System.Diagnostics;
using Npgsql;
using SchemaPlanner.Deploy;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// Stopping a backfill half-way. A real kill: <c>schemaplan apply</c> runs as a child process, is killed once its backfill reported a committed
/// batch, and its server session is ended (the connection lost). The next apply finds the step still
/// <c>running</c>, runs it again, and the backfill finishes the rows the first run did not reach.
/// </summary>
public sealed class ApplyKillTests
{
    private const string Config = """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0, "batchSize": 20, "batchPauseMs": 300 }""";

    [Fact]
    public async Task Ctrl_c_inside_a_backfill_cancels_the_batch_in_flight_keeps_the_committed_ones_and_the_next_apply_finishes()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(PlannedSample.Current);
        using var folder = new Cli.Folder(("schema.sql", PlannedSample.Desired), ("schemaplan.json", Config));
        var plan = Plan(database, folder, server.ConnectionString);

        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancelOnLine("rows scanned of", stop);
        var exit = Program.Run(["apply", "--database", database.ConnectionString, "--plan", plan, "--to", "1/backfill"], stdout, stderr, stop.Token);

        Assert.True(exit == ExitCodes.Cancelled, stderr.ToString());
        Assert.Equal("cancelled", await database.QueryScalarAsync<string>("SELECT outcome FROM schemaplan.history WHERE file LIKE 'release-1/backfill/%'"));
        var kept = await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NOT NULL");
        Assert.True(kept >= 20, $"{kept} rows kept");

        var resumed = Cli.Run("apply", "--database", database.ConnectionString, "--plan", plan, "--to", "1/verify");
        Assert.True(resumed.Exit == ExitCodes.Ok, resumed.Err);
        Assert.Contains($"{300 - kept} updated", resumed.Err, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
    }

    [Fact]
    public async Task A_killed_backfill_resumes_on_the_next_apply()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(PlannedSample.Current);
        using var folder = new Cli.Folder(("schema.sql", PlannedSample.Desired), ("schemaplan.json", Config));
        var plan = Plan(database, folder, server.ConnectionString);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "apply", "--database", database.ConnectionString, "--plan", plan, "--to", "1/backfill" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("rows scanned of", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // The killed client's session would notice only at its next batch: end it, as a lost connection would.
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            var holder = $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = {DeployLock.Key & 0xffff_ffff} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            await using (var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM ({holder}) h", admin))
            {
                await terminate.ExecuteNonQueryAsync();
            }

            for (var gone = false; !gone;)
            {
                await using var check = new NpgsqlCommand($"SELECT NOT EXISTS ({holder})", admin);
                gone = (bool)(await check.ExecuteScalarAsync())!;
                if (!gone)
                {
                    await Task.Delay(50);
                }
            }
        }

        Assert.Equal("running", await database.QueryScalarAsync<string>("SELECT outcome FROM schemaplan.history WHERE file LIKE 'release-1/backfill/%'"));
        Assert.True(await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NOT NULL") >= 20);

        var resumed = Cli.Run("apply", "--database", database.ConnectionString, "--plan", plan, "--to", "1/verify");
        Assert.True(resumed.Exit == ExitCodes.Ok, resumed.Err);
        Assert.Contains("[1/2] release-1/backfill/001_backfill_body.up.sql", resumed.Err, StringComparison.Ordinal);
        Assert.Contains("verify public.articles: all checks passed", resumed.Err, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        Assert.Equal(
            "running,done",
            await database.QueryScalarAsync<string>("SELECT string_agg(outcome, ',' ORDER BY id) FROM schemaplan.history WHERE file LIKE 'release-1/backfill/%'"));
    }

    /// <summary>The sample planned with small, slow backfill batches (20 rows, 300 ms apart), so there is time to stop it.</summary>
    private static string Plan(TestDatabase database, Cli.Folder folder, string server)
    {
        var plan = folder.File("plan");
        var planned = Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server, "--out", plan, "--no-rehearse");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        return plan;
    }
}
