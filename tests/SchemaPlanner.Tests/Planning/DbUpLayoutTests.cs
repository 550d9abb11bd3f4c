using System.Text.Json;
using DbUp;
using DbUp.Engine;
using DbUp.ScriptProviders;
using Npgsql;
using SchemaPlanner.Planning;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// <c>plan --layout dbup</c>, proven with the real runner: DbUp (dbup-postgresql), configured as the README says
/// (without its own transaction, variables off, journal in the schemaplan schema), runs the dbup/ folder phase by
/// phase on real PostgreSQL, a script filter on the phase prefix stopping at each boundary, and ends in the
/// desired schema. A verify script whose check fails stops the run and is not journalled.
/// </summary>
public sealed class DbUpLayoutTests
{
    [Fact]
    public async Task DbUp_applies_the_dbup_layout_phase_by_phase_to_the_desired_schema_and_a_failing_verify_stops_it()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Cli.PlannedSample.Current);
        using var folder = new Cli.Cli.Folder(("schema.sql", Cli.PlannedSample.Desired), ("schemaplan.json", """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0 }"""));
        var plan = folder.File("plan");
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", plan, "--no-rehearse", "--layout", "dbup");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);

        var dbup = Path.Combine(plan, "dbup");
        var scripts = Directory.GetFiles(dbup, "*.sql").Select(Path.GetFileName).ToList();
        Assert.Contains("0001_1_001_add_column_body.sql", scripts);
        Assert.Contains("0002_4_002_drop_column_text.sql", scripts);
        Assert.All(scripts, s => Assert.True(File.Exists(Path.Combine(dbup, "down", s!)), s));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(plan, "plan.json"))))
        {
            // One script per step, and their name order is the plan's order.
            var planOrder = manifest.RootElement.GetProperty("steps").EnumerateArray()
                .Select(s => Path.GetFileName(s.GetProperty("file").GetString()!)[..^".up.sql".Length])
                .ToList();
            Assert.Equal(planOrder, scripts.Order(StringComparer.Ordinal).Select(s => s![7..^".sql".Length]));
        }

        var index = File.ReadAllText(Path.Combine(dbup, scripts.Single(s => s!.StartsWith("0001_1_003_", StringComparison.Ordinal))!));
        Assert.Contains("CREATE INDEX CONCURRENTLY", index, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN;", index, StringComparison.Ordinal);
        var added = File.ReadAllText(Path.Combine(dbup, "0001_1_001_add_column_body.sql"));
        Assert.Contains("\nBEGIN;\n", added, StringComparison.Ordinal);
        Assert.EndsWith("\nCOMMIT;\n", added, StringComparison.Ordinal);

        // The journal lives in the schema SchemaPlanner leaves out of every diff; DbUp does not create it.
        await database.ExecuteAsync("CREATE SCHEMA IF NOT EXISTS schemaplan");
        Succeeded(Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(1, Phase.PreDeploy)));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_title_idx'::regclass"));
        Assert.Equal(300L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NULL"));
        Assert.Equal(3L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.dbup_journal"));

        Succeeded(Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(1, Phase.Backfill)));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));

        // A row the backfill got wrong (written past the sync trigger): the verify script fails the run.
        await database.ExecuteAsync("SET session_replication_role = replica; UPDATE articles SET body = 'wrong' WHERE id = 7; RESET session_replication_role;");
        var failed = Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(1, Phase.Verify));
        Assert.False(failed.Successful);
        Assert.Contains("verify failed", failed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.dbup_journal WHERE scriptname LIKE '%0001_3_%'"));
        await database.ExecuteAsync("SET session_replication_role = replica; UPDATE articles SET body = text WHERE id = 7; RESET session_replication_role;");
        Succeeded(Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(1, Phase.Verify)));

        var end = Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(2, Phase.PostDeploy));
        Assert.True(end.Successful, end.Error?.ToString());
        Assert.Equal((long)scripts.Count, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.dbup_journal"));
        var rediff = Cli.Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server.ConnectionString, "--format", "json");
        Assert.True(rediff.Exit == ExitCodes.Ok, rediff.Err);
        using var diff = JsonDocument.Parse(rediff.Out);
        Assert.Empty(diff.RootElement.GetProperty("changes").EnumerateArray());

        // Run again: DbUp finds nothing to do.
        var again = Upgrade(database.ConnectionString, dbup, DbUpLayout.PhaseKey(2, Phase.PostDeploy));
        Assert.True(again.Successful);
        Assert.Empty(again.Scripts);
    }

    private static void Succeeded(DatabaseUpgradeResult result) => Assert.True(result.Successful, $"{result.ErrorScript?.Name}: {result.Error}");

    /// <summary>DbUp as the README configures it, given the scripts up to and including the phase <paramref name="through"/>.</summary>
    private static DatabaseUpgradeResult Upgrade(string connectionString, string folder, string through)
    {
        NpgsqlConnection.ClearAllPools();
        return DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsFromFileSystem(folder, new FileSystemScriptOptions { Filter = path => string.CompareOrdinal(Path.GetFileName(path)[..6], through) <= 0 })
            .WithoutTransaction()
            .WithVariablesDisabled()
            .JournalToPostgresqlTable("schemaplan", "dbup_journal")
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
    }
}
