using System.Text.Json;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// What <c>diff</c> reports for a table rename: one rename with the names that follow it, no UNSAFE drop/add
/// pairs of its indexes and primary key; and <c>plan</c> (rehearsed) still reaches the new schema.
/// </summary>
public sealed class RenameReportTests
{
    private const string Current = """
        CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL);
        CREATE INDEX posts_title_idx ON posts (title);
        INSERT INTO posts (title) SELECT 'T' || g FROM generate_series(1, 100) g;
        """;

    private const string Desired = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL);
        CREATE INDEX articles_title_idx ON articles (title);
        """;

    private const string Config = """{ "hints": [ { "rename": "public.posts", "to": "articles" } ], "smallTableRows": 0 }""";

    [Fact]
    public async Task Diff_reports_one_rename_with_its_followers_and_the_plan_reaches_the_new_schema()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Current);
        using var folder = new Cli.Folder(("schema.sql", Desired), ("schemaplan.json", Config));
        string[] Sources(string command, params string[] more) =>
            [command, "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, .. more];

        var json = Cli.Run(Sources("diff", "--format", "json"));
        Assert.True(json.Exit == ExitCodes.Ok, json.Err);
        using (var document = JsonDocument.Parse(json.Out))
        {
            var change = Assert.Single(document.RootElement.GetProperty("changes").EnumerateArray());
            Assert.Equal("rename_table", change.GetProperty("kind").GetString());
            Assert.Equal(["SP1002"], change.GetProperty("hazards").EnumerateArray().Select(h => h.GetProperty("rule").GetString()));
        }

        var text = Cli.Run(Sources("diff"));
        Assert.True(text.Exit == ExitCodes.Ok, text.Err);
        Assert.Contains("rename table public.posts to public.articles (with constraint posts_pkey -> articles_pkey, index posts_title_idx -> articles_title_idx, sequence posts_id_seq -> articles_id_seq)", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("drop index", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("add constraint", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sequence articles_id_seq\n", text.Out.Replace("create sequence", "\u0000", StringComparison.Ordinal), StringComparison.Ordinal);

        // The rehearsal applies every step to a scratch copy and requires the new schema at the end.
        var plan = Cli.Run(Sources("plan", "--out", folder.File("out")));
        Assert.True(plan.Exit == ExitCodes.Ok, plan.Err);
        Assert.Contains("rehearsed", plan.Err, StringComparison.Ordinal);
        var up = string.Concat(Directory.GetFiles(folder.File("out"), "*.up.sql", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("RENAME CONSTRAINT posts_pkey TO articles_pkey", up, StringComparison.Ordinal);
        Assert.Contains("ALTER INDEX public.posts_title_idx RENAME TO articles_title_idx", up, StringComparison.Ordinal);
        Assert.Contains("ALTER SEQUENCE public.posts_id_seq RENAME TO articles_id_seq", up, StringComparison.Ordinal);
        Assert.DoesNotContain("CONCURRENTLY", up, StringComparison.Ordinal);
    }
}
