using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The bigint-primary-key recipe on real PostgreSQL: a database with rows is planned exactly as <c>schemaplan
/// plan</c> does, every step runs in order while the "app" keeps writing, and the result must equal the desired
/// schema with every row, id and foreign key intact; release 1's down files must bring the start back.
/// </summary>
public sealed class BigintPrimaryKeyRecipeTests
{
    private const string OldSchema = """
        CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (
            id serial PRIMARY KEY,
            user_id integer NOT NULL REFERENCES users ON DELETE CASCADE,
            amount integer NOT NULL
        );
        CREATE INDEX orders_user_id_idx ON orders (user_id);
        CREATE VIEW user_totals AS
            SELECT u.id, u.name, sum(o.amount) AS total FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id, u.name;
        """;

    private const string Rows = """
        INSERT INTO users (name) SELECT 'user ' || g FROM generate_series(1, 3000) g;
        INSERT INTO orders (user_id, amount) SELECT 1 + (g % 3000), g FROM generate_series(1, 5000) g;
        ANALYZE users; ANALYZE orders;
        """;

    private const string NewSchema = """
        CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (
            id serial PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
            amount integer NOT NULL
        );
        CREATE INDEX orders_user_id_idx ON orders (user_id);
        CREATE VIEW user_totals AS
            SELECT u.id, u.name, sum(o.amount) AS total FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id, u.name;
        """;

    private const string UsersDigest = "SELECT md5(string_agg(id::text || ':' || name, ',' ORDER BY id)) FROM users WHERE id <= 3000";

    private const string OrdersDigest = "SELECT md5(string_agg(id::text || ':' || user_id::text || ':' || amount::text, ',' ORDER BY id)) FROM orders WHERE id <= 5000";

    [Fact]
    public async Task Serial_key_and_its_foreign_key_move_to_bigint_with_every_row_kept()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema);
        Assert.Equal(RecipeNames.BigintPrimaryKey, migration.RecipeOf("alter column public.users.id"));
        Assert.Equal("part of " + RecipeNames.BigintPrimaryKey, migration.RecipeOf("alter column public.orders.user_id"));
        Assert.Equal("part of " + RecipeNames.BigintPrimaryKey, migration.RecipeOf("alter sequence public.users_id_seq"));
        Assert.Equal(2, migration.Plan.Releases.Count);
        Assert.All(migration.Plan.Releases[0].Steps, s => Assert.NotNull(s.Down));

        await migration.RehearseAsync();

        var db = migration.Database;
        var usersBefore = await db.QueryScalarAsync<string>(UsersDigest);
        var ordersBefore = await db.QueryScalarAsync<string>(OrdersDigest);

        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await AppWritesAsync(db, "during pre-deploy");
        await migration.RunAsync(connection, 1, Phase.Backfill);

        // Written after the backfill: only the triggers can fill the shadows of these.
        await AppWritesAsync(db, "after the backfill");
        await db.ExecuteAsync("UPDATE orders SET user_id = 5 WHERE id = 1"); // was 2
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await AppWritesAsync(db, "after the swap");

        // The swap ran already: running it again must do nothing.
        var swap = migration.Steps.Single(s => s.Step.Release == 1 && s.Step.Name.StartsWith("swap_", StringComparison.Ordinal));
        await StepRunner.RunFileAsync(connection, swap.UpPath, swap.Up, swap.Step.Transactional, CancellationToken.None);

        await migration.RunAsync(connection, 2, Phase.PostDeploy);
        await AppWritesAsync(db, "after release 2");

        await migration.AssertDesiredAsync();
        Assert.Equal(usersBefore, await db.QueryScalarAsync<string>(UsersDigest));
        Assert.Equal(1L, await db.QueryScalarAsync<long>("SELECT count(*) FROM orders WHERE id = 1 AND user_id = 5"));
        Assert.Equal(3004L, await db.QueryScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(5004L, await db.QueryScalarAsync<long>("SELECT count(*) FROM orders"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL"));
        Assert.Equal(4L, await db.QueryScalarAsync<long>("SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE u.name LIKE 'app %'"));
        await db.ExecuteAsync("UPDATE orders SET user_id = 2 WHERE id = 1");
        Assert.Equal(ordersBefore, await db.QueryScalarAsync<string>(OrdersDigest));

        Assert.Equal("bigint", await db.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'id'"));
        Assert.Equal("bigint", await db.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'user_id'"));
        Assert.True(await db.QueryScalarAsync<bool>("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_user_id_fkey'"));
        Assert.Equal("users_pkey", await db.QueryScalarAsync<string>("SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'p'"));
        Assert.Equal("bigint", await db.QueryScalarAsync<string>("SELECT data_type::text FROM pg_sequences WHERE sequencename = 'users_id_seq'"));
        Assert.Equal("public.users_id_seq", await db.QueryScalarAsync<string>("SELECT pg_get_serial_sequence('public.users', 'id')"));

        // Keys past the integer range work, and the foreign key still guards them.
        await db.ExecuteAsync("SELECT setval('users_id_seq', 3000000000)");
        Assert.Equal(3000000001L, await db.QueryScalarAsync<long>("INSERT INTO users (name) VALUES ('big') RETURNING id"));
        await db.ExecuteAsync("INSERT INTO orders (user_id, amount) VALUES (3000000001, 1)");
        var violation = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO orders (user_id, amount) VALUES (3000000002, 1)"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, violation.SqlState);
        await db.ExecuteAsync("DELETE FROM users WHERE id = 3000000001");
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = 3000000001"));
    }

    [Fact]
    public async Task Release_1_down_files_bring_back_the_integer_key_and_a_second_run_still_reaches_the_desired_schema()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema);
        var db = migration.Database;
        var usersBefore = await db.QueryScalarAsync<string>(UsersDigest);
        var ordersBefore = await db.QueryScalarAsync<string>(OrdersDigest);

        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        await AppWritesAsync(db, "after the swap");
        await migration.RunDownAsync(connection, 1);

        await migration.AssertCurrentAsync();
        Assert.Equal(usersBefore, await db.QueryScalarAsync<string>(UsersDigest));
        Assert.Equal(ordersBefore, await db.QueryScalarAsync<string>(OrdersDigest));
        Assert.Equal(1L, await db.QueryScalarAsync<long>("SELECT count(*) FROM users u JOIN orders o ON o.user_id = u.id WHERE u.name = 'app after the swap'"));
        Assert.True(await db.QueryScalarAsync<bool>("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_user_id_fkey'"));
        Assert.Equal("integer", await db.QueryScalarAsync<string>("SELECT data_type::text FROM pg_sequences WHERE sequencename = 'users_id_seq'"));
        await AppWritesAsync(db, "after the rollback");

        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(usersBefore, await db.QueryScalarAsync<string>(UsersDigest));
        Assert.Equal(ordersBefore, await db.QueryScalarAsync<string>(OrdersDigest));
        Assert.Equal(3002L, await db.QueryScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Identity_key_with_a_self_reference_moves_to_bigint()
    {
        const string old = """
            CREATE TABLE categories (
                id integer GENERATED ALWAYS AS IDENTITY (INCREMENT BY 2) PRIMARY KEY,
                parent_id integer REFERENCES categories,
                name text NOT NULL UNIQUE,
                CHECK (parent_id IS DISTINCT FROM id)
            );
            CREATE INDEX categories_parent_idx ON categories (parent_id) WHERE parent_id IS NOT NULL;
            CREATE TABLE products (id integer PRIMARY KEY, category_id integer NOT NULL REFERENCES categories);
            """;
        const string rows = """
            INSERT INTO categories (name) SELECT 'root ' || g FROM generate_series(1, 100) g;
            INSERT INTO categories (parent_id, name) SELECT 1 + 2 * (g % 100), 'child ' || g FROM generate_series(1, 2000) g;
            INSERT INTO products SELECT g, 1 + 2 * (g % 2100) FROM generate_series(1, 3000) g;
            """;
        const string desired = """
            CREATE TABLE categories (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                parent_id bigint REFERENCES categories,
                name text NOT NULL UNIQUE,
                CHECK (parent_id IS DISTINCT FROM id)
            );
            CREATE INDEX categories_parent_idx ON categories (parent_id) WHERE parent_id IS NOT NULL;
            CREATE TABLE products (id integer PRIMARY KEY, category_id integer NOT NULL REFERENCES categories);
            """;
        const string digest = "SELECT md5(string_agg(id::text || ':' || coalesce(parent_id::text, '-') || ':' || name, ',' ORDER BY id)) FROM categories";
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        Assert.Equal("part of " + RecipeNames.BigintPrimaryKey, migration.RecipeOf("alter column public.categories.parent_id"));
        await migration.RehearseAsync();

        var db = migration.Database;
        var before = await db.QueryScalarAsync<string>(digest);
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await db.ExecuteAsync("INSERT INTO categories (parent_id, name) VALUES (1, 'app 1')");
        await migration.RunAsync(connection, 1, Phase.Backfill);
        await db.ExecuteAsync("INSERT INTO categories (parent_id, name) VALUES (3, 'app 2')");
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await db.ExecuteAsync("INSERT INTO categories (parent_id, name) VALUES (5, 'app 3')");

        // Release 1 undone and done again, with the identity moved both ways.
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        await db.ExecuteAsync("INSERT INTO categories (parent_id, name) VALUES (7, 'app 4')");
        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await db.ExecuteAsync("INSERT INTO categories (parent_id, name) VALUES (9, 'app 5')");

        await migration.AssertDesiredAsync();
        Assert.Equal(before, await db.QueryScalarAsync<string>(digest.Replace("FROM categories", "FROM categories WHERE name NOT LIKE 'app %'", StringComparison.Ordinal)));
        // The old identity steps by 2, the desired one by 1 (the default): by 2 until release 1's swap, by 1 after it,
        // by 2 again while release 1 is undone, by 1 once it is done again.
        Assert.Equal(
            "4201,4203,4204,4206,4207",
            await db.QueryScalarAsync<string>("SELECT string_agg(id::text, ',' ORDER BY id) FROM categories WHERE name LIKE 'app %'"));
        Assert.Equal("bigint", await db.QueryScalarAsync<string>("SELECT data_type::text FROM pg_sequences WHERE sequencename = 'categories_id_seq'"));
        Assert.Equal("a", await db.QueryScalarAsync<string>("SELECT attidentity::text FROM pg_attribute WHERE attrelid = 'categories'::regclass AND attname = 'id'"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conrelid IN ('categories'::regclass, 'products'::regclass) AND NOT convalidated"));
    }

    [Fact]
    public async Task Keys_widened_along_a_chain_of_foreign_keys_move_together_and_back()
    {
        const string old = """
            CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id serial PRIMARY KEY,
                user_id integer REFERENCES users,
                amount integer NOT NULL,
                CONSTRAINT one_amount_per_user UNIQUE (user_id, amount)
            );
            CREATE TABLE order_items (id serial PRIMARY KEY, order_id integer NOT NULL REFERENCES orders ON DELETE CASCADE, qty integer);
            CREATE INDEX order_items_order_idx ON order_items (order_id, qty);
            CREATE TABLE "Audit Log" ("User ID" integer REFERENCES users, id integer PRIMARY KEY);
            """;
        const string rows = """
            INSERT INTO users (name) SELECT 'user ' || g FROM generate_series(1, 1500) g;
            INSERT INTO orders (user_id, amount) SELECT CASE WHEN g % 10 = 0 THEN NULL ELSE 1 + g % 1500 END, g FROM generate_series(1, 2500) g;
            INSERT INTO order_items (order_id, qty) SELECT 1 + g % 2500, g % 7 FROM generate_series(1, 4000) g;
            INSERT INTO "Audit Log" SELECT 1 + g % 1500, g FROM generate_series(1, 1000) g;
            """;
        const string desired = """
            CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                user_id bigint REFERENCES users,
                amount integer NOT NULL,
                CONSTRAINT one_amount_per_user UNIQUE (user_id, amount)
            );
            CREATE TABLE order_items (id serial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE, qty integer);
            CREATE INDEX order_items_order_idx ON order_items (order_id, qty);
            CREATE TABLE "Audit Log" ("User ID" bigint REFERENCES users, id integer PRIMARY KEY);
            """;
        const string digest = """
            SELECT md5((SELECT string_agg(id || ':' || coalesce(user_id::text, '-') || ':' || amount, ',' ORDER BY id) FROM orders)
                    || (SELECT string_agg(id || ':' || order_id || ':' || qty, ',' ORDER BY id) FROM order_items)
                    || (SELECT string_agg(id || ':' || "User ID", ',' ORDER BY id) FROM "Audit Log"))
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        Assert.Equal("part of " + RecipeNames.BigintPrimaryKey, migration.RecipeOf("alter column public.\"Audit Log\".\"User ID\""));
        Assert.All(migration.Steps, s => Assert.Matches("^release-[0-9]+/[a-z-]+/[0-9]{3}_[a-z0-9_]+\\.up\\.sql$", s.UpPath));
        await migration.RehearseAsync();

        var db = migration.Database;
        var before = await db.QueryScalarAsync<string>(digest);
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        await db.ExecuteAsync("INSERT INTO order_items (order_id, qty) VALUES (7, 1)");
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        await db.ExecuteAsync("DELETE FROM order_items WHERE id > 4000");
        Assert.Equal(before, await db.QueryScalarAsync<string>(digest));

        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(before, await db.QueryScalarAsync<string>(digest));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT convalidated"));
    }

    [Fact]
    public async Task A_referencing_table_without_a_primary_key_is_backfilled_by_block_ranges()
    {
        // No keyset for b (no primary key, no unique NOT NULL index): its backfill walks ctid block ranges instead.
        const string old = "CREATE TABLE a (id integer PRIMARY KEY); CREATE TABLE b (a_id integer REFERENCES a, note text);";
        const string rows = "INSERT INTO a SELECT g FROM generate_series(1, 500) g; INSERT INTO b SELECT g % 500 + 1, 'n' || g FROM generate_series(1, 3000) g;";
        const string desired = "CREATE TABLE a (id bigint PRIMARY KEY); CREATE TABLE b (a_id bigint REFERENCES a, note text);";
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        Assert.Contains(migration.Steps, s => s.Step.Up.Data is SchemaPlanner.Planning.Templates.BackfillBlocksData);
        await using var connection = await migration.OpenAsync();
        foreach (var release in migration.Plan.Releases)
        {
            await migration.RunAsync(connection, release.Number);
        }

        await migration.AssertDesiredAsync();
        Assert.Equal(3000, await migration.Database.QueryScalarAsync<long>("SELECT count(*) FROM b WHERE a_id = substr(note, 2)::int % 500 + 1"));
    }

    /// <summary>What the application does: insert a user through the defaults, and an order for it.</summary>
    private static Task AppWritesAsync(TestDatabase db, string label) => db.ExecuteAsync(
        $"WITH u AS (INSERT INTO users (name) VALUES ('app {label}') RETURNING id) INSERT INTO orders (user_id, amount) SELECT id, 7 FROM u");
}

/// <summary>
/// A database with rows, its plan to a desired schema made as <c>schemaplan plan</c> makes it (analyze on the live
/// database, plan, render), and helpers to run the rendered steps on it.
/// </summary>
internal sealed class PlannedMigration : IAsyncDisposable
{
    private readonly ScratchServer scratch;
    private readonly string folder;
    private readonly SchemaPlannerConfig config;

    private PlannedMigration(TestDatabase database, ScratchServer scratch, string folder, SchemaModel current, SchemaModel desired, MigrationPlan plan, IReadOnlyList<RenderedStep> steps, SchemaPlannerConfig config)
    {
        this.config = config;
        Database = database;
        this.scratch = scratch;
        this.folder = folder;
        Current = current;
        Desired = desired;
        Plan = plan;
        Steps = steps;
    }

    public TestDatabase Database { get; }

    public SchemaModel Current { get; }

    public SchemaModel Desired { get; }

    public MigrationPlan Plan { get; }

    public IReadOnlyList<RenderedStep> Steps { get; }

    public static async Task<PlannedMigration> CreateAsync(string oldSchema, string rows, string newSchema, SchemaPlannerConfig? config = null)
    {
        config ??= SchemaPlannerConfig.Empty;
        config = config with { Settings = config.Settings with { SmallTableRows = 0, BatchSize = 700, BatchPauseMilliseconds = 0 } };
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync(oldSchema + "\n" + rows);
        var folder = Path.Combine(Path.GetTempPath(), "schemaplan-recipe-" + Guid.NewGuid().ToString("N"));
        var scratch = new ScratchServer(server.ConnectionString);
        try
        {
            Directory.CreateDirectory(folder);
            var desiredFile = Path.Combine(folder, "desired.sql");
            await File.WriteAllTextAsync(desiredFile, newSchema);

            var request = new AnalysisRequest(database.ConnectionString, desiredFile, config, server.ConnectionString);
            var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, CancellationToken.None);
            var context = new PlanningContext(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, analysis.Changes, config, analysis.Context.ServerVersionNumber, StatementRenderer.BuiltIn);
            var plan = Planner.Plan(context, SchemaFingerprint.Of(analysis.Current.Schema.Model), SchemaFingerprint.Of(analysis.Desired.Schema.Model));
            var steps = new PlanRenderer(new TemplateCatalog(null)).RenderSteps(plan);
            return new PlannedMigration(database, scratch, folder, analysis.Current.Schema.Model, analysis.Desired.Schema.Model, plan, steps, config);
        }
        catch
        {
            await scratch.DisposeAsync();
            await database.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The recipe (or "part of …") the plan gives the change with this description prefix.</summary>
    public string RecipeOf(string describePrefix)
    {
        var index = Plan.Changes.ToList().FindIndex(c => c.Change.Describe().StartsWith(describePrefix, StringComparison.Ordinal));
        Assert.True(index >= 0, "no change " + describePrefix + " in: " + string.Join("; ", Plan.Changes.Select(c => c.Change.Describe())));
        return Plan.ChangeRecipes[index];
    }

    /// <summary>What <c>schemaplan plan</c> does before writing: every step on a scratch copy, then the down files.</summary>
    public Task RehearseAsync() => PlanRehearsal.RunAsync(new RehearsalInput(Current, Desired, Plan.Changes.Select(c => c.Change).ToList(), config, PlanWriter.Executable(Steps), StatementRenderer.BuiltIn), scratch, Acceptance.AcceptanceTests.RehearsalOptionsForTests, CancellationToken.None);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs the up files of a release (one phase of it, or all), in plan order.</summary>
    public async Task RunAsync(NpgsqlConnection connection, int release, Phase? phase = null)
    {
        foreach (var step in Steps.Where(s => s.Step.Release == release && (phase is null || s.Step.Phase == phase)))
        {
            await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
        }
    }

    /// <summary>Runs the down files of a release, last step first.</summary>
    public async Task RunDownAsync(NpgsqlConnection connection, int release)
    {
        foreach (var step in Steps.Where(s => s.Step.Release == release).Reverse())
        {
            await StepRunner.RunFileAsync(connection, step.DownPath, step.Down, step.Step.Transactional, CancellationToken.None);
        }
    }

    public Task AssertDesiredAsync() => AssertSchemaAsync(Desired, "the desired schema");

    public Task AssertCurrentAsync() => AssertSchemaAsync(Current, "the schema it started from");

    private async Task AssertSchemaAsync(SchemaModel expected, string what)
    {
        var actual = (await SchemaReader.ReadAsync(Database.ConnectionString, CancellationToken.None)).Model;
        var diff = SchemaDiffer.Diff(actual, expected);
        Assert.True(diff.IsEmpty, $"the database differs from {what}: " + string.Join("; ", diff.Changes.Select(c => c.Describe())));
    }

    public async ValueTask DisposeAsync()
    {
        await scratch.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
