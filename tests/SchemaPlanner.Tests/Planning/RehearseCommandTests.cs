using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// <c>schemaplan rehearse</c> on a written plan folder: the per-step report, the users' own workload from
/// schemaplan.json failing the rehearsal when it breaks, a folder planned from another schema refused, and
/// <c>--rehearse-on</c> refusing the <c>--database</c>.
/// </summary>
public sealed class RehearseCommandTests
{
    private const string Current = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, text text NOT NULL);
        INSERT INTO articles (title, text) SELECT 'T' || g, 'B' || g FROM generate_series(1, 300) g;
        """;

    private const string Desired = "CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL);";

    private static string Config(string rehearsal = "") =>
        $$"""{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0{{rehearsal}} }""";

    [Fact]
    public async Task Rehearses_a_written_plan_and_reports_every_step()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Current);
        using var folder = new Cli.Cli.Folder(("schema.sql", Desired), ("schemaplan.json", Config()));
        string[] sources = ["--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString];
        var planned = Cli.Cli.Run(["plan", .. sources, "--out", folder.File("out"), "--no-rehearse"]);
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        Assert.Contains("Not rehearsed", File.ReadAllText(folder.File("out/plan.md")), StringComparison.Ordinal);

        var rehearsed = Cli.Cli.Run(["rehearse", .. sources, "--plan", folder.File("out"), "--rehearse-rows", "300"]);
        Assert.True(rehearsed.Exit == ExitCodes.Ok, rehearsed.Err);
        Assert.Contains("| `release-1/backfill/001_backfill_body.up.sql` |", rehearsed.Out, StringComparison.Ordinal);
        Assert.Contains("| `release-2/post-deploy/", rehearsed.Out, StringComparison.Ordinal);
        Assert.Contains("0 errors", rehearsed.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", rehearsed.Err + rehearsed.Out, StringComparison.OrdinalIgnoreCase);

        var same = Cli.Cli.Run(["rehearse", .. sources, "--plan", folder.File("out"), "--rehearse-on", database.ConnectionString]);
        Assert.Equal(ExitCodes.InvalidInput, same.Exit);
        Assert.Contains("--rehearse-on: that is the --database", same.Err, StringComparison.Ordinal);

        await using var other = await server.CreateDatabaseAsync(Current + "ALTER TABLE articles ADD COLUMN extra int;");
        var stale = Cli.Cli.Run(["rehearse", "--database", other.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--plan", folder.File("out")]);
        Assert.Equal(ExitCodes.InvalidInput, stale.Exit);
        Assert.Contains("was planned from another schema", stale.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_own_workload_runs_with_its_version_and_a_failing_statement_fails_the_rehearsal()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Current);

        // The old version still reads "text" through the whole window: fine. The new version reading a column
        // that never exists must fail the rehearsal, naming the statement.
        using var folder = new Cli.Cli.Folder(
            ("schema.sql", Desired),
            ("old.sql", "SELECT count(*) FROM articles WHERE text LIKE 'B1%';"),
            ("new.sql", "SELECT count(*) FROM articles WHERE headline IS NOT NULL;"),
            ("good.json", Config(""", "rehearsal": { "rows": 300, "old": "old.sql" }""")),
            ("bad.json", Config(""", "rehearsal": { "rows": 300, "old": "old.sql", "new": "new.sql", "dwellMs": 400 }""")));
        var good = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("good.json"), "--dev-database", server.ConnectionString, "--out", folder.File("good"));
        Assert.True(good.Exit == ExitCodes.Ok, good.Err);

        var bad = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("bad.json"), "--dev-database", server.ConnectionString, "--out", folder.File("bad"));
        Assert.Equal(ExitCodes.Planning, bad.Exit);
        Assert.Contains("invariant \"an app statement failed\" broken: schemaplan-rehearsal-new: 42703", bad.Err, StringComparison.Ordinal);
        Assert.Contains("headline", bad.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("bad")), "a plan that fails its rehearsal is not written");
    }
}
