using System.Text.Json;
using Npgsql;
using SchemaPlanner.Deploy;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// <c>schemaplan apply</c> and <c>status</c> on real PostgreSQL: phase by phase to the desired schema with the
/// history complete, the refusals that change nothing, resuming an interrupted step, Ctrl+C, <c>--down</c>, and
/// <c>--dry-run</c>. Every run carries a password, which no output may show.
/// </summary>
public sealed class ApplyCommandTests(PlannedSample sample) : IClassFixture<PlannedSample>
{
    private const string Secret = "apply-secret-pw";

    private const string History = "SELECT coalesce(string_agg(file || ' ' || direction || ' ' || outcome, E'\\n' ORDER BY id), '') FROM schemaplan.history";

    private const string Backfill = "release-1/backfill/001_backfill_body.up.sql";

    [Fact]
    public async Task Applies_phase_by_phase_with_history_and_status_and_ends_in_the_desired_schema()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        var before = Status(database);
        Assert.Contains("0 of 10 step(s) done; at start.", before, StringComparison.Ordinal);
        Assert.Contains("next: 1/pre-deploy (3 step(s)): schemaplan apply --to 1/pre-deploy", before, StringComparison.Ordinal);
        Assert.Contains("application release 1 is not needed yet", before, StringComparison.Ordinal);
        Assert.Null(await database.QueryScalarAsync<string>("SELECT to_regnamespace('schemaplan')::text"));

        var pre = Apply(database, "--to", "1/pre-deploy");
        Assert.True(pre.Exit == ExitCodes.Ok, pre.Err);
        Assert.Contains("[1/3] release-1/pre-deploy/001_add_column_body.up.sql (one transaction)", pre.Err, StringComparison.Ordinal);
        Assert.Contains("[3/3] release-1/pre-deploy/003_create_index_articles_title_idx.up.sql (outside a transaction)", pre.Err, StringComparison.Ordinal);
        Assert.Equal(
            "release-1/pre-deploy/001_add_column_body.up.sql up done\nrelease-1/pre-deploy/002_sync_trigger_articles_text_body.up.sql up done\nrelease-1/pre-deploy/003_create_index_articles_title_idx.up.sql up done",
            await database.QueryScalarAsync<string>(History));
        Assert.Equal(3L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.history WHERE finished_at >= started_at AND checksum LIKE 'sha256:%'"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body')"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_title_idx'::regclass"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'legacy' AND NOT attisdropped)"));

        var between = Status(database);
        Assert.Contains("3 of 10 step(s) done; at 1/pre-deploy.", between, StringComparison.Ordinal);
        Assert.Contains("next: 1/backfill (1 step(s)): schemaplan apply --to 1/backfill", between, StringComparison.Ordinal);

        var verified = Apply(database, "--to", "1/verify");
        Assert.True(verified.Exit == ExitCodes.Ok, verified.Err);
        Assert.Contains("backfill public.articles done: 300 rows scanned, 300 updated", verified.Err, StringComparison.Ordinal);
        Assert.Contains("backfill public.articles: 300 rows scanned of ~300, 300 updated (100%, ", verified.Err, StringComparison.Ordinal);
        Assert.Contains("verify public.articles: all checks passed", verified.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("skipping", verified.Err, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(Status(database, "--format", "json")))
        {
            var root = json.RootElement;
            Assert.Equal(5, root.GetProperty("done").GetInt32());
            Assert.Equal("1/verify", root.GetProperty("at").GetString());
            var next = root.GetProperty("next");
            Assert.Equal("1/post-deploy", next.GetProperty("point").GetString());
            Assert.True(next.GetProperty("app").GetProperty("mustBeDeployedBefore").GetBoolean());
            Assert.Equal("release-1/APP.md", next.GetProperty("app").GetProperty("file").GetString());
            Assert.Contains(next.GetProperty("app").GetProperty("instructions").EnumerateArray(), i => i.GetString()!.Contains("body instead of text", StringComparison.Ordinal));
            Assert.Equal("done", root.GetProperty("steps")[3].GetProperty("state").GetString());
            Assert.Equal("pending", root.GetProperty("steps")[5].GetProperty("state").GetString());
        }

        Assert.Contains("before 1/post-deploy: application release 1 must be deployed everywhere (release-1/APP.md):", Status(database), StringComparison.Ordinal);

        var end = Apply(database, "--to", "end");
        Assert.True(end.Exit == ExitCodes.Ok, end.Err);
        Assert.Equal(10L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.history WHERE outcome = 'done'"));
        var after = Status(database);
        Assert.Contains("10 of 10 step(s) done; at end.", after, StringComparison.Ordinal);
        Assert.Contains("Nothing left to run.", after, StringComparison.Ordinal);

        // The desired schema, and the history schema is not part of what is compared.
        var rediff = Cli.Run("diff", "--database", database.ConnectionString, "--desired", sample.DesiredFile, "--dev-database", sample.Server, "--format", "json");
        Assert.True(rediff.Exit == ExitCodes.Ok, rediff.Err);
        using (var diff = JsonDocument.Parse(rediff.Out))
        {
            Assert.Empty(diff.RootElement.GetProperty("changes").EnumerateArray());
        }

        var again = Apply(database, "--to", "end");
        Assert.Equal(ExitCodes.Ok, again.Exit);
        Assert.Contains("nothing to run", again.Err, StringComparison.Ordinal);
        Assert.Equal(10L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.history"));
    }

    [Fact]
    public async Task Check_counts_a_plan_being_applied_as_covering_its_changes()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        string[] Check(params string[] more) => ["check", "--database", database.ConnectionString, "--desired", sample.DesiredFile, "--config", sample.ConfigFile, "--dev-database", sample.Server, .. more];
        Assert.Equal(ExitCodes.Ok, Cli.Run(Check("--migrations", sample.Plan)).Exit);

        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/pre-deploy").Exit);
        // The database moved on from the plan's start, but its history says this plan is under way.
        var covered = Cli.Run(Check("--migrations", sample.Plan));
        Assert.True(covered.Exit == ExitCodes.Ok, covered.Err);
        Assert.Contains("covered by the plan(s)", covered.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Unsafe, Cli.Run(Check()).Exit);
    }

    [Fact]
    public async Task A_database_in_another_state_is_refused_with_the_differences_and_nothing_changes()
    {
        await using var database = await sample.CurrentDatabaseAsync(PlannedSample.Current + "ALTER TABLE articles ADD COLUMN extra integer;");
        var refused = Apply(database, "--to", "end");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("add column public.articles.extra", refused.Err, StringComparison.Ordinal);
        Assert.Contains("is not in the state", refused.Err, StringComparison.Ordinal);
        Assert.Single(refused.Err.Split('\n'), l => l.StartsWith("schemaplan: error:", StringComparison.Ordinal));
        await AssertUntouchedAsync(database);
        Assert.Contains("apply` will refuse it", Status(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_cannot_create_the_history_schema_is_refused_before_any_step()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        var role = "schemaplan_apply_" + database.Name[^8..];
        var user = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString;
        await database.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        try
        {
            var refused = Cli.Run("apply", "--database", user, "--plan", sample.Plan, "--to", "1/pre-deploy");
            Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
            Assert.Contains("schemaplan: error: cannot create schemaplan.history (42501: permission denied", refused.Err, StringComparison.Ordinal);
            await AssertUntouchedAsync(database);
        }
        finally
        {
            using (var pooled = new NpgsqlConnection(user))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await database.ExecuteAsync($"DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task A_file_changed_since_planning_is_refused_and_nothing_changes()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        var plan = sample.CopyPlan();
        File.AppendAllText(Path.Combine(plan, Backfill), "\n-- a hand edit\n");
        var refused = ApplyPlan(database, plan, "--to", "end");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains($"--plan: {Backfill} changed since it was planned", refused.Err, StringComparison.Ordinal);
        await AssertUntouchedAsync(database);
    }

    [Fact]
    public async Task An_apply_while_another_holds_the_lock_is_refused_and_nothing_changes()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DeployLock.Key})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var refused = Apply(database, "--to", "1/pre-deploy");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains($"another `schemaplan apply` is running on {new NpgsqlConnectionStringBuilder(database.ConnectionString).Host}", refused.Err, StringComparison.Ordinal);
        Assert.Contains($"backend pid {other.ProcessID}", refused.Err, StringComparison.Ordinal);
        await AssertUntouchedAsync(database);
    }

    [Fact]
    public async Task The_deploy_lock_is_free_as_soon_as_apply_returns()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/pre-deploy").Exit);

        // Another session takes it at once: apply unlocked it before closing, rather than leaving it to a backend
        // that frees its locks only some time after the client has gone.
        var key = DeployLock.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({key})", other);
        Assert.True((bool)(await take.ExecuteScalarAsync())!);
        await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", other);
        Assert.True((bool)(await release.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_point_before_what_already_ran_is_refused_and_nothing_changes()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/backfill").Exit);
        var history = await database.QueryScalarAsync<string>(History);

        var refused = Apply(database, "--to", "1/pre-deploy");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains($"--to 1/pre-deploy is before what already ran ({Backfill} is done)", refused.Err, StringComparison.Ordinal);
        Assert.Equal(history, await database.QueryScalarAsync<string>(History));
        Assert.Equal(ExitCodes.InvalidInput, Apply(database, "--to", "3/pre-deploy").Exit);
        Assert.Equal(ExitCodes.InvalidInput, Apply(database, "--to", "1/deploy").Exit);
    }

    [Fact]
    public async Task A_step_recorded_as_started_but_not_finished_runs_again()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/pre-deploy").Exit);

        // A backfill killed after its first batches: a third of the rows done, its row left "running".
        var plan = await database.QueryScalarAsync<string>("SELECT plan FROM schemaplan.history LIMIT 1");
        await database.ExecuteAsync(
            $"UPDATE articles SET body = text WHERE id <= 100; INSERT INTO schemaplan.history (plan, release, phase, file, direction, checksum, outcome) VALUES ('{plan}', 1, 'backfill', '{Backfill}', 'up', 'sha256:x', 'running')");
        Assert.Contains("interrupted", Status(database).Split('\n').Single(l => l.Contains(Backfill, StringComparison.Ordinal)), StringComparison.Ordinal);

        var resumed = Apply(database, "--to", "1/verify");
        Assert.True(resumed.Exit == ExitCodes.Ok, resumed.Err);
        Assert.Contains($"[1/2] {Backfill}", resumed.Err, StringComparison.Ordinal);
        Assert.Contains("200 updated", resumed.Err, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        Assert.EndsWith($"{Backfill} up running\n{Backfill} up done\nrelease-1/verify/001_verify_body.up.sql up done", await database.QueryScalarAsync<string>(History), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_step_is_recorded_as_failed_exits_8_and_runs_again_once_fixed()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/backfill").Exit);
        // A row the sync trigger did not see (it is disabled for the write): the verify step must catch it.
        await database.ExecuteAsync("ALTER TABLE articles DISABLE TRIGGER USER; UPDATE articles SET body = 'other' WHERE id = 7; ALTER TABLE articles ENABLE TRIGGER USER");

        var failed = Apply(database, "--to", "1/verify");
        Assert.Equal(ExitCodes.StepFailed, failed.Exit);
        var error = Assert.Single(failed.Err.Split('\n'), l => l.StartsWith("schemaplan: error:", StringComparison.Ordinal));
        Assert.Contains("schemaplan: error: release-1/verify/001_verify_body.up.sql(", error, StringComparison.Ordinal);
        Assert.Contains("run `schemaplan apply` again", error, StringComparison.Ordinal);
        Assert.EndsWith("release-1/verify/001_verify_body.up.sql up failed", await database.QueryScalarAsync<string>(History), StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(Status(database, "--format", "json")))
        {
            var verify = json.RootElement.GetProperty("steps")[4];
            Assert.Equal("interrupted", verify.GetProperty("state").GetString());
            Assert.Contains("P0001", verify.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        await database.ExecuteAsync("UPDATE articles SET body = text WHERE id = 7");
        var fixedRun = Apply(database, "--to", "1/verify");
        Assert.True(fixedRun.Exit == ExitCodes.Ok, fixedRun.Err);
        Assert.EndsWith("release-1/verify/001_verify_body.up.sql up failed\nrelease-1/verify/001_verify_body.up.sql up done", await database.QueryScalarAsync<string>(History), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_stops_after_the_current_statement_and_records_it_and_the_next_apply_runs_the_step_again()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancelOnLine("001_add_column_body.up.sql (one transaction)", stop);
        var exit = Program.Run(["apply", "--database", database.ConnectionString, "--plan", sample.Plan, "--to", "1/pre-deploy"], stdout, stderr, stop.Token);

        Assert.Equal(ExitCodes.Cancelled, exit);
        Assert.Contains("stopped (Ctrl+C)", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("release-1/pre-deploy/001_add_column_body.up.sql up cancelled", await database.QueryScalarAsync<string>(History));
        // The file runs in one transaction: stopping after its first statement left none of it behind.
        Assert.False(await database.QueryScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body')"));

        var again = Apply(database, "--to", "1/pre-deploy");
        Assert.True(again.Exit == ExitCodes.Ok, again.Err);
        Assert.Contains("[1/3] release-1/pre-deploy/001_add_column_body.up.sql", again.Err, StringComparison.Ordinal);
        Assert.Equal(3L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.history WHERE outcome = 'done'"));
    }

    [Fact]
    public async Task Down_undoes_in_reverse_and_refuses_an_irreversible_step_unless_forced()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "1/post-deploy").Exit);
        Assert.True(await database.QueryScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body'"));

        var undone = Apply(database, "--down", "--to", "1/pre-deploy");
        Assert.True(undone.Exit == ExitCodes.Ok, undone.Err);
        Assert.Contains("[1/5] release-1/post-deploy/003_set_not_null_body.down.sql", undone.Err, StringComparison.Ordinal);
        Assert.Contains($"[5/5] {Backfill.Replace(".up.", ".down.", StringComparison.Ordinal)}", undone.Err, StringComparison.Ordinal);
        Assert.False(await database.QueryScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body'"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conrelid = 'articles'::regclass AND contype = 'c'"));
        var status = Status(database);
        Assert.Contains("3 of 10 step(s) done; at 1/pre-deploy.", status, StringComparison.Ordinal);
        Assert.Contains("undone", status.Split('\n').Single(l => l.Contains(Backfill, StringComparison.Ordinal)), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, Apply(database, "--to", "end").Exit);
        Assert.True(await database.QueryScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body'"));
        var history = await database.QueryScalarAsync<string>(History);

        var refused = Apply(database, "--down", "--to", "1/post-deploy");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("release-2/post-deploy/002_drop_column_text.up.sql cannot be undone", refused.Err, StringComparison.Ordinal);
        Assert.Equal(history, await database.QueryScalarAsync<string>(History));

        var forced = Apply(database, "--down", "--to", "1/post-deploy", "--force");
        Assert.True(forced.Exit == ExitCodes.Ok, forced.Err);
        Assert.Contains("passed over", forced.Err, StringComparison.Ordinal);
        Assert.EndsWith("release-2/post-deploy/002_drop_column_text.down.sql down skipped\nrelease-2/post-deploy/001_drop_column_legacy.down.sql down skipped", await database.QueryScalarAsync<string>(History), StringComparison.Ordinal);
        Assert.Contains("8 of 10 step(s) done; at 1/post-deploy.", Status(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_lists_the_steps_and_changes_nothing()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        var dry = Apply(database, "--to", "end", "--dry-run");
        Assert.True(dry.Exit == ExitCodes.Ok, dry.Err);
        var lines = dry.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("release-1/pre-deploy/001_add_column_body.up.sql\t1/pre-deploy\ttransactional\t", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Backfill}\t1/backfill\tnon-transactional\t", lines[3], StringComparison.Ordinal);
        Assert.Contains("nothing was changed", dry.Err, StringComparison.Ordinal);
        await AssertUntouchedAsync(database);
    }

    /// <summary>No history schema, and the schema still the one the plan starts from.</summary>
    private static async Task AssertUntouchedAsync(TestDatabase database)
    {
        Assert.Null(await database.QueryScalarAsync<string>("SELECT to_regnamespace('schemaplan')::text"));
        Assert.False(await database.QueryScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body')"));
    }

    private (int Exit, string Out, string Err) Apply(TestDatabase database, params string[] more) => ApplyPlan(database, sample.Plan, more);

    private static (int Exit, string Out, string Err) ApplyPlan(TestDatabase database, string plan, params string[] more) =>
        Secretless(Cli.Run(["apply", "--database", WithPassword(database), "--plan", plan, .. more]));

    private string Status(TestDatabase database, params string[] more)
    {
        var (exit, output, error) = Secretless(Cli.Run(["status", "--database", WithPassword(database), "--plan", sample.Plan, .. more]));
        Assert.True(exit == ExitCodes.Ok, error);
        return output;
    }

    private static string WithPassword(TestDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Secret }.ConnectionString;

    private static (int Exit, string Out, string Err) Secretless((int Exit, string Out, string Err) result)
    {
        Assert.DoesNotContain(Secret, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Err, StringComparison.Ordinal);
        return result;
    }
}
