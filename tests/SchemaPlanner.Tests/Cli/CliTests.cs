using System.Text.Json;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

public sealed class CliTests
{
    private const string Current = """
        CREATE TABLE users (id serial PRIMARY KEY, "user" text NOT NULL, legacy boolean);
        CREATE TABLE articles (id serial PRIMARY KEY, user_id integer REFERENCES users, text text);
        INSERT INTO users ("user") SELECT 'u' || g FROM generate_series(1, 50) g;
        """;

    private const string Desired = """
        CREATE TABLE users (id serial PRIMARY KEY, "user" text NOT NULL, nick boolean);
        CREATE TABLE articles (id serial PRIMARY KEY, user_id integer REFERENCES users, text text);
        """;

    private static async Task<(TestDatabase Database, string Server)> CurrentAsync(string sql = Current)
    {
        var server = await PostgresServer.GetAsync();
        return (await server.CreateDatabaseAsync(sql), server.ConnectionString);
    }

    [Fact]
    public async Task Diff_json_has_the_documented_shape_and_is_byte_identical_across_runs()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(("01_schema.sql", Desired));

        var first = Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server, "--format", "json");
        var second = Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server, "--format", "json");

        Assert.Equal(ExitCodes.Ok, first.Exit);
        Assert.Equal(first.Out, second.Out);
        using var json = JsonDocument.Parse(first.Out);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        var drop = changes.Single(c => c.GetProperty("kind").GetString() == "drop_column");
        Assert.Equal("public.users.legacy", drop.GetProperty("object").GetString());
        Assert.Equal("public.users", drop.GetProperty("table").GetString());
        Assert.False(drop.GetProperty("safe").GetBoolean());
        Assert.Contains(drop.GetProperty("hazards").EnumerateArray(), h => h.GetProperty("rule").GetString() == "SP2003");
        var add = changes.Single(c => c.GetProperty("kind").GetString() == "add_column");
        Assert.True(add.GetProperty("safe").GetBoolean());
        Assert.Equal(1, add.GetProperty("location").GetProperty("line").GetInt32());
        Assert.EndsWith("01_schema.sql", add.GetProperty("location").GetProperty("file").GetString(), StringComparison.Ordinal);
        var suggestion = Assert.Single(json.RootElement.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("public.users.legacy", suggestion.GetProperty("hint").GetProperty("rename").GetString());
    }

    [Fact]
    public async Task Diff_text_groups_by_table_without_colour_when_not_a_terminal()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(("schema.sql", Desired));
        var (exit, output, _) = Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("public.users\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("  UNSAFE drop column public.users.legacy", output, StringComparison.Ordinal);
        Assert.Contains("  safe   add column public.users.nick boolean", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.EndsWith("2 change(s): 1 safe, 1 unsafe.\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exit_code_is_the_verdict()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var unsafeChange = new Cli.Folder(("schema.sql", Desired));
        using var safeChange = new Cli.Folder(("schema.sql", Current.Split("INSERT")[0].Replace("legacy boolean", "legacy boolean, extra text", StringComparison.Ordinal)));
        string[] Args(string desired, params string[] more) => ["check", "--database", database.ConnectionString, "--desired", desired, "--dev-database", server, .. more];

        Assert.Equal(ExitCodes.Unsafe, Cli.Run(Args(unsafeChange.Path)).Exit);
        Assert.Equal(ExitCodes.Ok, Cli.Run(Args(unsafeChange.Path, "--fail-on", "none")).Exit);
        Assert.Equal(ExitCodes.Ok, Cli.Run(Args(safeChange.Path)).Exit);
        Assert.Equal(ExitCodes.Unsafe, Cli.Run(Args(safeChange.Path, "--fail-on", "any")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, Cli.Run(Args(safeChange.Path, "--fail-on", "sometimes")).Exit);
    }

    [Fact]
    public async Task An_allowed_hazard_is_printed_as_allowed_and_does_not_fail_the_check()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(
            ("schema.sql", Desired),
            ("schemaplan.json", """{ "allow": [ { "rule": "SP2003", "object": "public.users.legacy", "reason": "never read since v2" } ] }"""));
        var (exit, output, _) = Cli.Run("check", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("[allowed: never read since v2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_sarif_and_msbuild_formats()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(("schema.sql", Desired));
        string Run(string format) => Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server, "--format", format).Out;

        var markdown = Run("markdown");
        Assert.StartsWith("## SchemaPlanner: 1 unsafe of 2 change(s)", markdown, StringComparison.Ordinal);
        Assert.Contains("| :x: **unsafe** | drop column public.users.legacy |", markdown, StringComparison.Ordinal);

        using var sarif = JsonDocument.Parse(Run("sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "SP2003" && r.GetProperty("helpUri").GetString()!.EndsWith("SP2003.md", StringComparison.Ordinal));
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "SP2003");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("schema.sql", Path.GetFileName(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));

        var msbuild = Run("msbuild").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(msbuild, line => Assert.Matches(@"^/.+schema\.sql\(\d+,\d+\): (error|warning) SP\d{4}: ", line));
        Assert.Contains(msbuild, l => l.Contains(": error SP2003: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ddl_error_names_file_line_and_column()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(("01_ok.sql", "CREATE TABLE a (id int);\n"), ("02_bad.sql", "-- comment\nCREATE TABLE b (\n  id int,\n  x nosuchtype\n);\n"));
        var (exit, output, error) = Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server);
        Assert.Equal(ExitCodes.DdlError, exit);
        Assert.Equal("", output);
        Assert.Matches(@"^schemaplan: error: .+02_bad\.sql\(4,5\): error: type ""nosuchtype"" does not exist\n?$", error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grant_to_a_role_the_scratch_server_lacks_names_the_role_and_what_to_do()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder(("01_grants.sql", "CREATE TABLE a (id int);\nGRANT SELECT ON a TO schemaplan_no_such_role_anywhere;\n"));
        var (exit, output, error) = Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server);
        Assert.Equal(ExitCodes.DdlError, exit);
        Assert.Equal("", output);
        Assert.Matches(@"^schemaplan: error: .+01_grants\.sql\(2,1\): error: role ""schemaplan_no_such_role_anywhere"" does not exist; roles belong to the whole server.+--dev-database.+\n?$", error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grant_to_a_live_role_loads_on_the_throwaway_cluster_without_a_dev_database()
    {
        var (database, server) = await CurrentAsync("CREATE TABLE a (id int);");
        await using var _ = database;
        var role = "sp_cli_reader_" + Guid.NewGuid().ToString("N")[..8];
        await database.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        try
        {
            using var folder = new Cli.Folder(("01_grants.sql", $"CREATE TABLE a (id int);\nGRANT SELECT ON a TO {role};\n"));
            var (exit, output, error) = Cli.RunProcess(
                new Dictionary<string, string?> { ["SCHEMAPLAN_DEV_DATABASE"] = null },
                "diff", "--database", database.ConnectionString, "--desired", folder.Path);

            Assert.True(exit == ExitCodes.Ok, $"exit {exit}: {error}");
            Assert.Contains(role, output, StringComparison.Ordinal);
        }
        finally
        {
            await database.ExecuteAsync($"DROP ROLE {role}");
        }
    }

    [Fact]
    public void An_unreachable_database_is_one_line_with_no_password()
    {
        var (exit, output, error) = Cli.Run("diff", "--database", "postgres://app:hunter2secret@127.0.0.1:1/prod", "--desired", ".", "--dev-database", "Host=127.0.0.1;Port=1;Username=x;Password=hunter2secret");
        Assert.Equal(ExitCodes.Connection, exit);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2secret", error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_is_an_authentication_error()
    {
        var (database, _) = await CurrentAsync("SELECT 1");
        await using var __ = database;
        await database.ExecuteAsync("DO $$ BEGIN CREATE ROLE schemaplan_nologin NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "schemaplan_nologin", Password = "s3cr3t-pw" };
        var (exit, _, error) = Cli.Run("snapshot", "--database", builder.ConnectionString);
        Assert.Equal(ExitCodes.Authentication, exit);
        Assert.DoesNotContain("s3cr3t-pw", error, StringComparison.Ordinal);
        Assert.Contains("login failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_postgres_binaries_say_what_to_do()
    {
        using var empty = new Cli.Folder(("schema.sql", "CREATE TABLE a (id int);"));
        var (exit, _, error) = Cli.RunProcess(
            new Dictionary<string, string?> { ["SCHEMAPLAN_PG_BIN"] = empty.Path },
            "snapshot", "--database", empty.File("schema.sql"));
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("SCHEMAPLAN_PG_BIN", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Snapshot_can_stand_in_for_a_schema_anywhere()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Folder();
        var snapshot = folder.File("prod.json");
        var (exit, _, _) = Cli.Run("snapshot", "--database", database.ConnectionString, "--out", snapshot);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("\"format\": \"schemaplanner-snapshot\"", File.ReadAllText(snapshot), StringComparison.Ordinal);

        var same = Cli.Run("diff", "--database", snapshot, "--desired", database.ConnectionString, "--format", "json");
        Assert.Equal(ExitCodes.Ok, same.Exit);
        Assert.Equal(0, JsonDocument.Parse(same.Out).RootElement.GetProperty("summary").GetProperty("changes").GetInt32());
    }

    [Fact]
    public async Task The_compared_database_is_never_written()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        await database.ExecuteAsync($"ALTER DATABASE {database.Name} SET default_transaction_read_only = on");
        using var folder = new Cli.Folder(("schema.sql", Desired));
        var (exit, _, error) = Cli.Run("check", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server, "--fail-on", "none");
        Assert.True(exit == ExitCodes.Ok, error);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("check")]
    [InlineData("plan")]
    [InlineData("snapshot")]
    [InlineData("templates")]
    public void Every_command_has_help(string command)
    {
        var (exit, output, _) = Cli.Run(command, "--help");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Usage: schemaplan " + command, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_are_usage_errors()
    {
        var (exit, _, error) = Cli.Run("diff", "--frobnicate");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("--frobnicate", error, StringComparison.Ordinal);
    }
}
