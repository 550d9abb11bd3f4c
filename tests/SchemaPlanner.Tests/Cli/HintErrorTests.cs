using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// A hint that names nothing, or that no recipe uses, stops the CLI with exit 2 naming the hint (its place in
/// schemaplan.json and the object as written), and no plan is written.
/// </summary>
public sealed class HintErrorTests
{
    private const string Current = """
        CREATE TABLE users (id serial PRIMARY KEY, name text, phone text, score integer);
        INSERT INTO users (name, phone) SELECT 'u' || g, CASE WHEN g % 2 = 0 THEN '+1-' || g END FROM generate_series(1, 50) g;
        """;

    private const string Desired = """
        CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, phone text, score integer);
        """;

    private static async Task<(int Exit, string Err, bool Written)> PlanAsync(string config, string desired = Desired)
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(Current);
        using var folder = new Cli.Folder(("schema.sql", desired), ("schemaplan.json", config));
        var result = Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", folder.File("out"), "--no-rehearse");
        return (result.Exit, result.Err, Directory.Exists(folder.File("out")));
    }

    [Fact]
    public async Task A_hint_naming_a_missing_column_is_exit_2_naming_the_hint()
    {
        var (exit, err, written) = await PlanAsync("""
            { "hints": [ { "column": "public.users.name", "using": "coalesce(name, '')" },
                         { "column": "public.users.nmae", "using": "'x'" } ] }
            """);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("schemaplan.json: hints[1] {\"column\":\"public.users.nmae\",\"using\":\"'x'\"}", err, StringComparison.Ordinal);
        Assert.Contains("column public.users.nmae is in neither the current nor the desired schema", err, StringComparison.Ordinal);
        Assert.False(written);
    }

    [Fact]
    public async Task A_hint_naming_a_missing_table_or_rename_target_is_exit_2()
    {
        var (exit, err, written) = await PlanAsync("""
            { "hints": [ { "column": "public.user.name", "using": "coalesce(name, '')" },
                         { "rename": "public.users.phone", "to": "mobile" } ] }
            """);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("hints[0] {\"column\":\"public.user.name\",\"using\":\"coalesce(name, '')\"}: table public.\"user\" is in neither", err, StringComparison.Ordinal);
        Assert.Contains("hints[1] {\"rename\":\"public.users.phone\",\"to\":\"mobile\"}: column public.users.mobile is not in the desired schema", err, StringComparison.Ordinal);
        Assert.False(written);
    }

    [Fact]
    public async Task A_hint_no_recipe_uses_is_exit_2_saying_why()
    {
        // score does not change, so nothing computes it: the hint would be silently ignored.
        var (exit, err, written) = await PlanAsync("""
            { "hints": [ { "column": "public.users.name", "using": "coalesce(name, '')" },
                         { "column": "public.users.score", "using": "0" } ] }
            """);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("hints[1] {\"column\":\"public.users.score\",\"using\":\"0\"}: no step of the plan uses this hint (nothing about public.users.score changes)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("hints[0]", err, StringComparison.Ordinal);
        Assert.False(written);
    }

    [Fact]
    public async Task A_using_hint_on_a_column_of_a_new_table_is_refused_pointing_at_copy()
    {
        const string desired = """
            CREATE TABLE users (id serial PRIMARY KEY, name text, score integer);
            CREATE TABLE user_phones (user_id integer PRIMARY KEY REFERENCES users, phone text NOT NULL);
            """;
        var (exit, err, written) = await PlanAsync("""{ "hints": [ { "column": "public.user_phones.phone", "using": "phone" } ] }""", desired);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("hints[0] {\"column\":\"public.user_phones.phone\",\"using\":\"phone\"}: no step of the plan uses this hint (public.user_phones is a new table", err, StringComparison.Ordinal);
        Assert.Contains("\"copy\"", err, StringComparison.Ordinal);
        Assert.False(written);
    }

    [Fact]
    public async Task A_copy_into_a_new_table_is_planned_and_one_without_a_key_to_upsert_by_is_exit_2()
    {
        const string desired = """
            CREATE TABLE users (id serial PRIMARY KEY, name text, score integer);
            CREATE TABLE user_phones (user_id integer PRIMARY KEY REFERENCES users, phone text NOT NULL);
            """;
        const string hint = """{ "hints": [ { "copy": "public.users", "into": "public.user_phones", "columns": { "user_id": "id", "phone": "phone" }, "where": "phone IS NOT NULL" } ] }""";
        var (exit, err, written) = await PlanAsync(hint, desired);
        Assert.True(exit == 0, err);
        Assert.True(written);

        // ON CONFLICT needs a key of the target that the copy fills: without one, the triggers could not upsert.
        var (keyless, keylessErr, keylessWritten) = await PlanAsync(hint, """
            CREATE TABLE users (id serial PRIMARY KEY, name text, score integer);
            CREATE TABLE user_phones (user_id integer REFERENCES users, phone text NOT NULL);
            """);
        Assert.Equal(ExitCodes.InvalidInput, keyless);
        Assert.Contains("hints[0] {\"copy\":\"public.users\",\"into\":\"public.user_phones\"", keylessErr, StringComparison.Ordinal);
        Assert.Contains("public.user_phones has no primary key or unique index over columns the copy fills", keylessErr, StringComparison.Ordinal);
        Assert.False(keylessWritten);

        var (missing, missingErr, _) = await PlanAsync(
            """{ "hints": [ { "copy": "public.users", "into": "public.user_phones", "columns": { "mobile": "phone" } } ] }""",
            desired);
        Assert.Equal(ExitCodes.InvalidInput, missing);
        Assert.Contains("column public.user_phones.mobile is not in the desired schema", missingErr, StringComparison.Ordinal);
    }
}
