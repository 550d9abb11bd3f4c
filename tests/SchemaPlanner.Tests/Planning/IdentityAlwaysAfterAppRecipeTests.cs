using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The identity-always-after-app recipe on real PostgreSQL: an existing column with rows becomes an identity while
/// the old application keeps inserting explicit values; the identity sequence continues past every value read
/// when the step ran; ALWAYS comes only after the deploy; BY DEFAULT and sequence options before it; DROP
/// IDENTITY after it; every down file reverses its step.
/// </summary>
public sealed class IdentityAlwaysAfterAppRecipeTests
{
    private const string OldSchema = """
        CREATE TABLE tickets (id integer NOT NULL PRIMARY KEY, title text NOT NULL);
        """;

    private const string Rows = """
        INSERT INTO tickets (id, title) SELECT g * 3, 'ticket ' || g FROM generate_series(1, 4000) g;
        """;

    private const string NewSchema = """
        CREATE TABLE tickets (id integer GENERATED ALWAYS AS IDENTITY (CACHE 5) PRIMARY KEY, title text NOT NULL);
        """;

    /// <summary>The old application: it picks its ids itself.</summary>
    private const string OldAppInsert = "INSERT INTO tickets (id, title) SELECT max(id) + 1, 'old app' FROM tickets";

    /// <summary>The new application: it leaves the id to the database.</summary>
    private const string NewAppInsert = "INSERT INTO tickets (title) VALUES ('new app') RETURNING id";

    [Fact]
    public async Task Identity_is_added_past_every_value_while_the_old_app_inserts_and_always_waits_for_the_deploy()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema);
        Assert.Equal(RecipeNames.IdentityAlwaysAfterApp, migration.RecipeOf("alter column public.tickets.id"));
        var release = Assert.Single(migration.Plan.Releases);
        Assert.Single(release.In(Phase.PreDeploy));
        Assert.Single(release.In(Phase.PostDeploy));
        Assert.Contains(release.AppInstructions, i => i.Contains("GENERATED ALWAYS", StringComparison.Ordinal) && i.Contains("public.tickets.id", StringComparison.Ordinal));
        Assert.All(release.Steps, s => Assert.NotNull(s.Down));

        // Not rehearsed: an old version that picks its own keys (the rehearsal's picks a fixed range) can meet the
        // identity's values while both versions run, which the README names; this test runs the steps itself.
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        var oldApp = await OldAppWhileAsync(db, () => migration.RunAsync(connection, 1, Phase.PreDeploy));
        Assert.True(oldApp > 0, "the old application inserted nothing while the pre-deploy step ran");

        // The old version kept inserting its own ids, before, during and after the step, none rejected.
        Assert.Equal("d", await Identity(db));
        await db.ExecuteAsync(OldAppInsert);
        await db.ExecuteAsync(OldAppInsert);

        // Once it is gone, post-deploy moves the identity past every id it picked.
        var max = await db.QueryScalarAsync<int>("SELECT max(id) FROM tickets");
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        Assert.Equal("a", await Identity(db));
        var rejected = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(OldAppInsert));
        Assert.Equal("428C9", rejected.SqlState); // generated_always
        Assert.Equal(max + 1, await db.QueryScalarAsync<int>(NewAppInsert));
        await migration.AssertDesiredAsync();
        Assert.Equal(4000 + oldApp + 2 + 1, await db.QueryScalarAsync<long>("SELECT count(*) FROM tickets"));
    }

    [Fact]
    public async Task Down_files_drop_the_identity_again_and_a_second_run_still_continues_past_every_value()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        await db.ExecuteAsync(NewAppInsert);
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();

        // The old application again, with ids far past the identity's position.
        await db.ExecuteAsync("INSERT INTO tickets (id, title) VALUES (50000, 'old app after the rollback')");
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Equal(50001, await db.QueryScalarAsync<int>(NewAppInsert));
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await migration.AssertDesiredAsync();
        Assert.True(await db.QueryScalarAsync<int>(NewAppInsert) > 50001);
    }

    [Fact]
    public async Task By_default_and_options_go_before_the_deploy_and_drop_identity_after_it()
    {
        const string old = """
            CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
            CREATE TABLE b (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note text);
            """;
        const string rows = """
            INSERT INTO a (note) SELECT 'a' || g FROM generate_series(1, 500) g;
            INSERT INTO b (note) SELECT 'b' || g FROM generate_series(1, 500) g;
            """;
        const string desired = """
            CREATE TABLE a (id bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 10 MAXVALUE 1000000 CACHE 20) PRIMARY KEY, note text);
            CREATE TABLE b (id bigint PRIMARY KEY, note text);
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        Assert.Equal(RecipeNames.IdentityAlwaysAfterApp, migration.RecipeOf("alter column public.a.id"));
        Assert.Equal(RecipeNames.IdentityAlwaysAfterApp, migration.RecipeOf("alter column public.b.id"));
        var release = Assert.Single(migration.Plan.Releases);
        Assert.Equal(2, release.In(Phase.PreDeploy).Count(s => s.Serves.Object == "public.a.id"));
        Assert.DoesNotContain(release.In(Phase.PostDeploy), s => s.Serves.Object == "public.a.id");
        Assert.Single(release.In(Phase.PostDeploy), s => s.Serves.Object == "public.b.id");
        Assert.Contains(release.AppInstructions, i => i.Contains("Always supply public.b.id", StringComparison.Ordinal));
        await migration.RehearseAsync();

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Equal("d", await Identity(db, "a"));
        Assert.Equal(510L, await db.QueryScalarAsync<long>("INSERT INTO a (note) VALUES ('next') RETURNING id"));
        Assert.Equal("10 20 1000000", await db.QueryScalarAsync<string>("SELECT concat_ws(' ', seqincrement, seqcache, seqmax) FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('a', 'id')::regclass"));
        await db.ExecuteAsync("INSERT INTO a (id, note) VALUES (7000, 'explicit')");
        Assert.Equal(501L, await db.QueryScalarAsync<long>("INSERT INTO b (note) VALUES ('old app') RETURNING id"));

        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        Assert.Equal("", await Identity(db, "b"));
        await db.ExecuteAsync("INSERT INTO b (id, note) VALUES (9000, 'new app')");
        await migration.AssertDesiredAsync();

        // b's down makes it an identity again, past the new application's explicit value.
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(9001L, await db.QueryScalarAsync<long>("INSERT INTO b (note) VALUES ('old app again') RETURNING id"));
        Assert.Equal("a", await Identity(db, "a"));
    }

    [Fact]
    public async Task A_serial_column_becomes_an_identity_that_continues_where_its_sequence_was()
    {
        const string old = "CREATE TABLE orders (id integer NOT NULL DEFAULT nextval('orders_seq'::regclass) PRIMARY KEY, note text);";
        const string rows = "INSERT INTO orders (note) SELECT 'o' || g FROM generate_series(1, 3000) g;";
        const string desired = "CREATE SEQUENCE orders_seq; CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);";
        await using var migration = await PlannedMigration.CreateAsync("CREATE SEQUENCE orders_seq; " + old, rows, desired);
        Assert.Equal(RecipeNames.IdentityAlwaysAfterApp, migration.RecipeOf("alter column public.orders.id"));
        await migration.RehearseAsync();

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Equal("d", await Identity(db, "orders"));
        Assert.Equal(3001L, await db.QueryScalarAsync<long>("INSERT INTO orders (note) VALUES ('old app, through the default it had') RETURNING id"));
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        Assert.Equal("a", await Identity(db, "orders"));
        Assert.True(await db.QueryScalarAsync<long>("INSERT INTO orders (note) VALUES ('new app') RETURNING id") > 3001);
        await migration.AssertDesiredAsync();
    }

    [Fact]
    public async Task Identity_options_are_read_only_when_not_the_defaults_and_compared()
    {
        var server = await PostgresServer.GetAsync();
        await using var plain = await server.CreateDatabaseAsync("CREATE TABLE t (a smallint GENERATED ALWAYS AS IDENTITY, b bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 1 CACHE 1));");
        await using var tuned = await server.CreateDatabaseAsync("CREATE TABLE t (a smallint GENERATED ALWAYS AS IDENTITY, b bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 3 INCREMENT BY 4 MINVALUE 2 MAXVALUE 9 CACHE 5 CYCLE));");
        var from = (await SchemaReader.ReadAsync(plain.ConnectionString, CancellationToken.None)).Model;
        var to = (await SchemaReader.ReadAsync(tuned.ConnectionString, CancellationToken.None)).Model;
        Assert.All(from.Tables.Single().Columns, c => Assert.Null(c.IdentityOptions));
        Assert.Equal(new IdentityOptions(3, 4, 2, 9, 5, true), to.Tables.Single().FindColumn("b")!.IdentityOptions);

        var change = Assert.IsType<AlterColumn>(Assert.Single(SchemaDiffer.Diff(from, to).Changes));
        Assert.Equal(ColumnChange.IdentityOptions, change.Changed);
        Assert.Contains("identity options (start 1 increment 1 minvalue 1 maxvalue 9223372036854775807 cache 1) -> (start 3 increment 4 minvalue 2 maxvalue 9 cache 5 cycle)", change.Describe(), StringComparison.Ordinal);
    }

    private static Task<string?> Identity(TestDatabase db, string table = "tickets") =>
        db.QueryScalarAsync<string>($"SELECT attidentity::text FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attname = 'id'");

    /// <summary>Runs <paramref name="work"/> while the old application inserts in a loop on its own connection; how many rows it inserted.</summary>
    private static async Task<int> OldAppWhileAsync(TestDatabase db, Func<Task> work)
    {
        using var stop = new CancellationTokenSource();
        var inserted = 0;
        var app = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync();
            do
            {
                await using var insert = new NpgsqlCommand(OldAppInsert, connection);
                await insert.ExecuteNonQueryAsync();
                inserted++;
            }
            while (!stop.IsCancellationRequested || inserted < 3);
        });
        await Task.Delay(50);
        await work();
        await stop.CancelAsync();
        await app;
        return inserted;
    }
}
