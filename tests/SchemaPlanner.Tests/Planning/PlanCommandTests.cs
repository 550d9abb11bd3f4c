using System.Text.Json;
using SchemaPlanner.Tests.Cli;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>The plan command end to end: files, plan.json, determinism, overwrite protection, templates, offline.</summary>
public sealed class PlanCommandTests
{
    private const string Current = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, text text NOT NULL, legacy boolean);
        INSERT INTO articles (title, text) SELECT 'T' || g, 'B' || g FROM generate_series(1, 300) g;
        """;

    private const string Desired = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL);
        CREATE INDEX articles_title_idx ON articles (title);
        """;

    private const string Config = """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0 }""";

    private static async Task<(TestDatabase Database, string Server)> CurrentAsync(string sql = Current)
    {
        var server = await PostgresServer.GetAsync();
        return (await server.CreateDatabaseAsync(sql), server.ConnectionString);
    }

    [Fact]
    public async Task Writes_the_layout_and_a_plan_json_a_runner_can_follow_byte_identically()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Cli.Folder(("schema.sql", Desired), ("schemaplan.json", Config));
        string[] Args(string outDir) => ["plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server, "--out", outDir];

        var first = Cli.Cli.Run(Args(folder.File("a")));
        Assert.True(first.Exit == ExitCodes.Ok, first.Err);
        var second = Cli.Cli.Run(Args(folder.File("b")));
        Assert.Equal(ExitCodes.Ok, second.Exit);
        Assert.Contains("rehearsed", first.Err, StringComparison.Ordinal);

        var filesA = Directory.GetFiles(folder.File("a"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.File("a"), f)).Order(StringComparer.Ordinal).ToList();
        var filesB = Directory.GetFiles(folder.File("b"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.File("b"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(filesA, filesB);

        // The rehearsal's figures are measurements (they vary run to run); everything else is byte-identical.
        Assert.Contains("rehearsal.md", filesA);
        using (var rehearsal = JsonDocument.Parse(File.ReadAllText(folder.File("a/rehearsal.json"))))
        {
            Assert.NotEmpty(rehearsal.RootElement.GetProperty("steps").EnumerateArray());
        }

        foreach (var file in filesA.Where(f => !f.StartsWith("rehearsal.", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.File("a"), file)), File.ReadAllBytes(Path.Combine(folder.File("b"), file)));
        }

        Assert.Contains("plan.md", filesA);
        Assert.Contains(Path.Combine("release-1", "APP.md"), filesA);
        Assert.Contains(filesA, f => f.StartsWith(Path.Combine("release-2", "post-deploy"), StringComparison.Ordinal) && f.EndsWith("drop_column_text.up.sql", StringComparison.Ordinal));

        using var plan = JsonDocument.Parse(File.ReadAllText(folder.File("a/plan.json")));
        var steps = plan.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.All(steps, s =>
        {
            Assert.True(File.Exists(Path.Combine(folder.File("a"), s.GetProperty("file").GetString()!)));
            Assert.True(File.Exists(Path.Combine(folder.File("a"), s.GetProperty("down").GetString()!)));
        });
        var phases = new[] { "pre-deploy", "backfill", "verify", "post-deploy" };
        var order = steps.Select(s => (s.GetProperty("release").GetInt32(), Array.IndexOf(phases, s.GetProperty("phase").GetString()))).ToList();
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains(steps, s => s.GetProperty("phase").GetString() == "backfill" && !s.GetProperty("transactional").GetBoolean());
        Assert.Contains(steps, s => s.GetProperty("file").GetString()!.Contains("articles_title_idx", StringComparison.Ordinal) && !s.GetProperty("transactional").GetBoolean());
        Assert.StartsWith("sha256:", plan.RootElement.GetProperty("fingerprints").GetProperty("from").GetString(), StringComparison.Ordinal);

        var upFiles = filesA.Where(f => f.EndsWith(".up.sql", StringComparison.Ordinal)).Select(f => File.ReadAllText(Path.Combine(folder.File("a"), f))).ToList();
        Assert.All(upFiles, text => Assert.StartsWith("-- SchemaPlanner: release ", text, StringComparison.Ordinal));
        Assert.Contains(upFiles, text => text.Contains("SET LOCAL lock_timeout = '2s';", StringComparison.Ordinal) && text.Contains("WHEN lock_not_available", StringComparison.Ordinal));
        var irreversible = File.ReadAllText(Directory.GetFiles(folder.File("a"), "*drop_column_text.down.sql", SearchOption.AllDirectories).Single());
        Assert.Contains("RAISE EXCEPTION", irreversible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_empty_folder_is_not_overwritten_without_force()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Cli.Folder(("schema.sql", Desired), ("schemaplan.json", Config));
        var outDir = folder.File("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        string[] args = ["plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server, "--out", outDir, "--no-rehearse"];

        var refused = Cli.Cli.Run(args);
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "plan.json")));

        var forced = Cli.Cli.Run([.. args, "--force"]);
        Assert.Equal(ExitCodes.Ok, forced.Exit);
        Assert.True(File.Exists(Path.Combine(outDir, "plan.json")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "keep.txt")));
    }

    [Fact]
    public async Task Templates_can_be_exported_and_overridden()
    {
        var (database, server) = await CurrentAsync();
        await using var _ = database;
        using var folder = new Cli.Cli.Folder(("schema.sql", Desired), ("schemaplan.json", Config));
        var templates = folder.File("templates");
        var exported = Cli.Cli.Run("templates", "export", templates);
        Assert.Equal(ExitCodes.Ok, exported.Exit);
        Assert.True(File.Exists(Path.Combine(templates, "sql", "backfill.sbn")));
        Assert.True(File.Exists(Path.Combine(templates, "plan.md.sbn")));
        Assert.Equal(ExitCodes.InvalidInput, Cli.Cli.Run("templates", "export", templates).Exit);

        File.WriteAllText(Path.Combine(templates, "app.md.sbn"), "# Our own checklist for release {{ number }}\n{{~ for instruction in instructions ~}}\n* {{ instruction }}\n{{~ end ~}}\n");
        var outDir = folder.File("out");
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server, "--out", outDir, "--templates", templates);
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        var app = File.ReadAllText(Path.Combine(outDir, "release-1", "APP.md"));
        Assert.StartsWith("# Our own checklist for release 1\n* Read and write public.articles.body", app, StringComparison.Ordinal);

        // A typo is an error naming the override file and line, with the exit code of bad input; nothing is written.
        var typo = Path.Combine(templates, "app.md.sbn");
        File.WriteAllText(typo, "# Release {{ number }}\n{{ for instruction in instructons }}{{ end }}\n");
        var misspelt = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server, "--out", folder.File("out-typo"), "--templates", templates);
        Assert.Equal(ExitCodes.InvalidInput, misspelt.Exit);
        Assert.Contains($"{Path.GetFullPath(typo)}:2:", misspelt.Err, StringComparison.Ordinal);
        Assert.Contains("instructons", misspelt.Err, StringComparison.Ordinal);
        File.Delete(typo);

        File.WriteAllText(Path.Combine(templates, "nonsense.sbn"), "x");
        var bad = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server, "--out", folder.File("out2"), "--templates", templates);
        Assert.Equal(ExitCodes.InvalidInput, bad.Exit);
        Assert.Contains("nonsense.sbn: not a SchemaPlanner template", bad.Err, StringComparison.Ordinal);

        File.Delete(Path.Combine(templates, "nonsense.sbn"));
        File.WriteAllText(Path.Combine(templates, "sql", "verify.hbs"), "{{#each Checks}}{{/each}}");
        var handlebars = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server, "--out", folder.File("out3"), "--templates", templates);
        Assert.Equal(ExitCodes.InvalidInput, handlebars.Exit);
        Assert.Contains("verify.hbs: templates are now Scriban templates (.sbn), not Handlebars (.hbs); rename it to sql/verify.sbn", handlebars.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_with_no_online_path_gets_the_offline_runbook_or_fails_on_request()
    {
        var (database, server) = await CurrentAsync("""
            CREATE EXTENSION IF NOT EXISTS btree_gist;
            CREATE TABLE bookings (id serial PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL);
            INSERT INTO bookings (room, during) SELECT g, tstzrange(now(), now() + interval '1 hour') FROM generate_series(1, 100) g;
            ANALYZE bookings;
            """);
        await using var _ = database;
        using var folder = new Cli.Cli.Folder(("schema.sql", """
            CREATE EXTENSION IF NOT EXISTS btree_gist;
            CREATE TABLE bookings (id serial PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
                CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
            """), ("schemaplan.json", """{ "smallTableRows": 0 }"""));
        string[] args = ["plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server];

        var failed = Cli.Cli.Run([.. args, "--out", folder.File("x"), "--fail-on-offline"]);
        Assert.Equal(ExitCodes.Planning, failed.Exit);
        Assert.Contains("no online path", failed.Err, StringComparison.Ordinal);

        var planned = Cli.Cli.Run([.. args, "--out", folder.File("y")]);
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        Assert.Contains("OFFLINE", planned.Err, StringComparison.Ordinal);
        var runbook = File.ReadAllText(folder.File("y/OFFLINE.md"));
        Assert.Contains("pg_dump", runbook, StringComparison.Ordinal);
        Assert.Contains("pg_restore", runbook, StringComparison.Ordinal);
        Assert.Contains("no_overlap", runbook, StringComparison.Ordinal);
        Assert.Contains("## OFFLINE", File.ReadAllText(folder.File("y/plan.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_key_widened_with_its_references_moves_with_them_and_the_plan_rehearses()
    {
        var (database, server) = await CurrentAsync("""
            CREATE TABLE users (id serial PRIMARY KEY, name text);
            CREATE TABLE orders (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users);
            INSERT INTO users (name) SELECT 'u' || g FROM generate_series(1, 50) g;
            INSERT INTO orders (user_id) SELECT 1 + g % 50 FROM generate_series(1, 200) g;
            ANALYZE;
            """);
        await using var _ = database;
        using var folder = new Cli.Cli.Folder(("schema.sql", """
            CREATE TABLE users (id bigserial PRIMARY KEY, name text);
            CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users);
            """));
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server, "--out", folder.File("out"));
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        using var plan = JsonDocument.Parse(File.ReadAllText(folder.File("out/plan.json")));
        var recipes = plan.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "alter_column")
            .Select(c => c.GetProperty("recipe").GetString())
            .ToList();
        Assert.Contains("bigint-primary-key", recipes);
        Assert.DoesNotContain("as-is", recipes);
    }
}
