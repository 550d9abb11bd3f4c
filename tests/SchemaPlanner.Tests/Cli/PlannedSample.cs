using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// One plan shared by the apply/status tests: a rename with a sync trigger and backfill, an index built
/// concurrently, a NOT NULL via check and two drops in release 2 (irreversible), planned once from
/// <see cref="Current"/>. Each test applies it to a database of its own created from the same SQL.
/// </summary>
public sealed class PlannedSample : IAsyncLifetime
{
    public const string Current = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, text text NOT NULL, legacy boolean);
        INSERT INTO articles (title, text) SELECT 'T' || g, 'B' || g FROM generate_series(1, 300) g;
        """;

    public const string Desired = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL);
        CREATE INDEX articles_title_idx ON articles (title);
        """;

    private const string Config = """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0 }""";

    private readonly Cli.Folder folder = new(("schema.sql", Desired), ("schemaplan.json", Config));

    public string Plan => folder.File("plan");

    public string DesiredFile => folder.File("schema.sql");

    public string ConfigFile => folder.File("schemaplan.json");

    public string Server { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        Server = server.ConnectionString;
        await using var database = await server.CreateDatabaseAsync(Current);
        var planned = Cli.Run("plan", "--database", database.ConnectionString, "--desired", DesiredFile, "--config", folder.File("schemaplan.json"), "--dev-database", Server, "--out", Plan, "--no-rehearse");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
    }

    /// <summary>A fresh database in the state the plan starts from.</summary>
    public async Task<TestDatabase> CurrentDatabaseAsync(string sql = Current) => await (await PostgresServer.GetAsync()).CreateDatabaseAsync(sql);

    /// <summary>A copy of the plan folder to edit.</summary>
    public string CopyPlan()
    {
        var copy = folder.File("plan-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Plan, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Plan, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
