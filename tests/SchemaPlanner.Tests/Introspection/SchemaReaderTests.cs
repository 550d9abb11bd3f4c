using SchemaPlanner.Templates;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Introspection;

public sealed class SchemaReaderTests
{
    private static async Task<TestDatabase> RichDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        await using (var admin = await server.CreateDatabaseAsync())
        {
            await admin.ExecuteAsync($"DO $$ BEGIN CREATE ROLE {RichSchema.Role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }

        return await server.CreateDatabaseAsync(RichSchema.Sql);
    }

    [Fact]
    public async Task Dependencies_come_back_from_the_catalog_in_the_models_order()
    {
        // Normalising a read model skips sorting its dependencies when they are in order already (55,000 at 5,000
        // tables): the query's ORDER BY must be the model's (Dependency.CompareTo), or every read pays the sort.
        await using var database = await RichDatabaseAsync();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SET search_path = pg_catalog;\n" + CatalogQueries.Load("dependencies"), connection);
        var dependencies = new List<Dependency>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                dependencies.Add(ModelAssembler.ReadDependency(new Row(values)));
            }
        }

        Assert.True(dependencies.Select(d => d.Dependent.Kind).Distinct().Count() >= 4, string.Join("\n", dependencies));
        Assert.Contains(dependencies, d => d.Dependent.Member is null);
        for (var i = 1; i < dependencies.Count; i++)
        {
            Assert.True(dependencies[i - 1].CompareTo(dependencies[i]) < 0, $"out of order or repeated at {i}: {dependencies[i - 1]} -> then {dependencies[i]}");
        }
    }

    [Fact]
    public async Task Index_definitions_spelled_by_the_query_are_pg_get_indexdefs()
    {
        // indexes.sql spells plain btree definitions itself (pg_get_indexdef costs ~25 us an index) and asks
        // pg_get_indexdef for the rest: on every kind of index, the text must be pg_get_indexdef's to the byte.
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("""
            CREATE SCHEMA "Odd Schema";
            CREATE TABLE "Odd Schema"."Mixed Case" ("Id" bigint PRIMARY KEY, "select" text, v varchar(20), c char(3), n numeric, t timestamptz, j jsonb, a int[]);
            CREATE INDEX ON "Odd Schema"."Mixed Case" ("select" DESC);
            CREATE INDEX ON "Odd Schema"."Mixed Case" ("select" NULLS FIRST);
            CREATE INDEX ON "Odd Schema"."Mixed Case" ("select" DESC NULLS LAST, n ASC NULLS LAST);
            CREATE INDEX ON "Odd Schema"."Mixed Case" (v);
            CREATE INDEX ON "Odd Schema"."Mixed Case" (v varchar_pattern_ops);
            CREATE INDEX ON "Odd Schema"."Mixed Case" ("select" text_pattern_ops);
            CREATE INDEX ON "Odd Schema"."Mixed Case" ("select" COLLATE "C");
            CREATE INDEX ON "Odd Schema"."Mixed Case" (c);
            CREATE UNIQUE INDEX "Unique Two" ON "Odd Schema"."Mixed Case" (n, t);
            CREATE UNIQUE INDEX nulls_apart ON "Odd Schema"."Mixed Case" (v) NULLS NOT DISTINCT;
            CREATE INDEX with_include ON "Odd Schema"."Mixed Case" (n) INCLUDE (t);
            CREATE INDEX partial ON "Odd Schema"."Mixed Case" (t) WHERE n > 0;
            CREATE INDEX expression ON "Odd Schema"."Mixed Case" (lower("select"), n);
            CREATE INDEX hashed ON "Odd Schema"."Mixed Case" USING hash (v);
            CREATE INDEX inverted ON "Odd Schema"."Mixed Case" USING gin (j);
            CREATE INDEX arrays ON "Odd Schema"."Mixed Case" USING gin (a);
            CREATE INDEX filled ON "Odd Schema"."Mixed Case" (n) WITH (fillfactor = 70);
            CREATE TABLE parted (id int, at date) PARTITION BY RANGE (at);
            CREATE INDEX parted_at ON parted (at);
            CREATE TABLE parted_2024 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE MATERIALIZED VIEW totals AS SELECT 1 AS id;
            CREATE UNIQUE INDEX totals_id ON totals (id);
            """);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var query = CatalogQueries.Load("indexes", connection.PostgreSqlVersion.Major);
        var sql = $"SET search_path = pg_catalog;\nSELECT q.index_name, q.definition, pg_get_indexdef(to_regclass(quote_ident(q.nspname) || '.' || quote_ident(q.index_name))) FROM ({query}) q";
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        var compared = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Assert.Equal(reader.GetString(2), reader.GetString(1));
                compared++;
            }
        }

        Assert.Equal(20, compared);
    }

    [Fact]
    public void The_dependency_querys_kind_order_is_the_enums()
    {
        var sql = CatalogQueries.Load("dependencies");
        var list = System.Text.RegularExpressions.Regex.Match(sql, @"kind_order \(kinds\) AS \(\s*(?:--[^\n]*\n\s*)?SELECT ARRAY\[([^\]]*)\]");
        Assert.True(list.Success, sql);
        var kinds = list.Groups[1].Value.Split(',').Select(k => k.Trim().Trim('\'')).ToList();
        Assert.Equal(Enum.GetNames<ObjectKind>().Select(n => n.ToLowerInvariant()), kinds);
    }

    [Fact]
    public async Task Reads_every_object_kind()
    {
        await using var database = await RichDatabaseAsync();
        var model = (await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None)).Model;

        Assert.Contains(model.Schemas, s => s.Name == "app" && s.Privileges.Contains($"{RichSchema.Role}:USAGE"));
        Assert.Contains(model.Extensions, e => e.Name == "citext");
        Assert.Contains(model.Collations, c => c.Name == new QualifiedName("app", "ci") && c.Provider == "icu" && !c.Deterministic);
        Assert.Equal(["sad", "ok", "happy"], model.FindEnum(new QualifiedName("app", "mood"))!.Values);
        var domain = Assert.Single(model.Domains);
        Assert.True(domain.NotNull);
        Assert.Equal("CHECK ((VALUE > 0))", Assert.Single(domain.Checks).Definition);
        var sequence = Assert.Single(model.Sequences, s => s.Name.Name == "ticket_seq");
        Assert.Equal((100L, 5L, true), (sequence.Start, sequence.Increment, sequence.Cycle));
        Assert.Equal(("Order Items", "ticket"), (sequence.OwnedByTable!.Name, sequence.OwnedByColumn));
        Assert.DoesNotContain(model.Sequences, s => s.Name.Name.Contains("Order Items_id", StringComparison.Ordinal));

        var items = model.FindTable(new QualifiedName("app", "Order Items"))!;
        Assert.Equal(IdentityKind.Always, items.FindColumn("id")!.Identity);
        Assert.Equal("pg_catalog.\"C\"", items.FindColumn("select")!.Collation);
        Assert.Equal("app.ci", items.FindColumn("nick")!.Collation);
        Assert.Equal("(price * (2)::numeric)", items.FindColumn("total")!.Generated);
        Assert.Equal("numeric(10,2)", items.FindColumn("price")!.Type);
        Assert.Equal("timestamp(3) with time zone", items.FindColumn("created")!.Type);
        Assert.Equal(Volatility.Stable, items.FindColumn("created")!.DefaultVolatility);
        Assert.Equal(Volatility.Volatile, items.FindColumn("token")!.DefaultVolatility);
        Assert.Equal(Volatility.Volatile, items.FindColumn("ticket")!.DefaultVolatility);
        Assert.Equal(Volatility.Immutable, items.FindColumn("select")!.DefaultVolatility);
        Assert.Equal(new QualifiedName("app", "mood"), items.FindColumn("mood")!.TypeName);
        Assert.Equal("text[]", items.FindColumn("tags")!.Type);
        var unique = Assert.Single(items.Constraints, c => c.Kind == ConstraintKind.Unique);
        Assert.True(unique.Deferrable && unique.InitiallyDeferred);
        var expressionIndex = items.Indexes.Single(i => i.Name == "order_items_expr_idx");
        Assert.Equal(["lower(\"select\")", "price"], expressionIndex.Keys);
        Assert.EndsWith("(lower(\"select\"), price DESC NULLS LAST)", expressionIndex.Definition, StringComparison.Ordinal);
        Assert.Single(items.Triggers);

        var child = model.FindTable(new QualifiedName("app", "child"))!;
        Assert.True(child.Unlogged);
        var fk = child.Constraints.Single(c => c.Name == "child_parent_id_fkey");
        Assert.Equal(("CASCADE", "SET NULL"), (fk.OnDelete, fk.OnUpdate));
        Assert.False(child.Constraints.Single(c => c.Name == "child_item_fkey").Validated);
        Assert.False(child.Constraints.Single(c => c.Name == "child_item_positive").Validated);
        Assert.Equal(ConstraintKind.Exclusion, child.Constraints.Single(c => c.Name == "child_during_excl").Kind);
        var partial = child.Indexes.Single(i => i.Name == "child_lower_idx");
        Assert.Equal(["item_id"], partial.Include);
        Assert.Equal("(parent_id IS NOT NULL)", partial.Predicate);

        var events = model.FindTable(new QualifiedName("app", "events"))!;
        Assert.Equal((TableKind.Partitioned, "RANGE (at)"), (events.Kind, events.PartitionKey));
        var partition = model.FindTable(new QualifiedName("app", "events_2024"))!;
        Assert.Equal(events.Name, partition.PartitionOf);
        Assert.Equal("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", partition.PartitionBound);
        Assert.Empty(partition.Indexes);
        Assert.Equal([new QualifiedName("app", "base")], model.FindTable(new QualifiedName("app", "derived"))!.Inherits);

        var totals = model.Views.Single(v => v.Name.Name == "totals");
        Assert.Equal(ViewKind.Materialized, totals.Kind);
        Assert.Single(totals.Indexes);
        Assert.Equal([items.Name], model.Views.Single(v => v.Name.Name == "expensive").DependsOn);
        Assert.Contains(model.Functions, f => f.Name.Name == "add" && f.Arguments == "a integer, b integer" && f.Volatility == Volatility.Immutable);
        Assert.Contains(model.Functions, f => f.Name.Name == "cleanup" && f.Kind == "procedure");
        var parent = model.FindTable(new QualifiedName("app", "parent"))!;
        Assert.True(parent.RowLevelSecurity);
        var policy = Assert.Single(parent.Policies);
        Assert.False(policy.Permissive);
        Assert.Equal(["public"], policy.Roles);
        Assert.Equal([$"{RichSchema.Role}:SELECT"], parent.Privileges);
        Assert.Contains(model.Comments, c => c.Target == "COLUMN app.\"Order Items\".\"select\"" && c.Text == "a reserved word");
        Assert.Contains(model.Comments, c => c.Target == "TABLE app.parent");
        var pair = Assert.Single(model.Composites);
        Assert.Equal(new QualifiedName("app", "pair"), pair.Name);
        Assert.Equal(["a integer", "b integer"], pair.Attributes.Select(a => a.Name + " " + a.Type));
        Assert.DoesNotContain(model.Unsupported, u => u.Name == "app.pair");
        Assert.DoesNotContain(model.Functions, f => f.Name.Name == "citextin");
    }

    [Fact]
    public async Task Snapshot_round_trip_gives_an_equal_model_and_identical_bytes()
    {
        await using var database = await RichDatabaseAsync();
        var schema = await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None);
        var json = SnapshotSerializer.Serialize(schema);
        var back = SnapshotSerializer.Deserialize(json, "snapshot.json");

        Assert.Equal(schema.Model, back.Model);
        Assert.NotEmpty(back.Model.Dependencies);
        Assert.Equal(schema.Model.Dependencies, back.Model.Dependencies);
        Assert.Equal(schema.Server, back.Server);
        Assert.Equal(json, SnapshotSerializer.Serialize(back));
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Equal(SchemaFingerprint.Of(schema.Model), SchemaFingerprint.Of(back.Model));
    }

    [Fact]
    public async Task A_model_rebuilt_from_its_own_ddl_reads_back_equal()
    {
        await using var database = await RichDatabaseAsync();
        var model = (await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None)).Model;
        var server = await PostgresServer.GetAsync();
        await using var copy = await server.CreateDatabaseAsync();

        // An object the model does not cover: the rebuild refuses rather than silently leaving it out.
        var unmodelled = model with { Unsupported = new[] { new UnsupportedObject("operator", "app.===") }.ToEquatableArray() };
        var error = await Assert.ThrowsAsync<Errors.SchemaPlannerException>(() => PlanRehearsal.RecreateAsync(copy.ConnectionString, unmodelled, StatementRenderer.BuiltIn, CancellationToken.None));
        Assert.Contains("operator app.===", error.Message, StringComparison.Ordinal);

        var modelled = model;
        Assert.Empty(modelled.Unsupported);
        await PlanRehearsal.RecreateAsync(copy.ConnectionString, modelled, StatementRenderer.BuiltIn, CancellationToken.None);
        var rebuilt = (await SchemaReader.ReadAsync(copy.ConnectionString, CancellationToken.None)).Model;
        Assert.Empty(SchemaDiffer.Diff(rebuilt, modelled).Changes);
    }

    [Fact]
    public async Task Statements_issued_do_not_grow_with_the_schema()
    {
        var server = await PostgresServer.GetAsync();
        static string Tables(int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
            $"CREATE TABLE t{i} (id serial PRIMARY KEY, ref integer{(i > 1 ? $" REFERENCES t{i - 1}" : "")}, name text, at timestamptz DEFAULT now()); CREATE INDEX t{i}_name_idx ON t{i} (name);\n"));
        await using var small = await server.CreateDatabaseAsync(Tables(5));
        await using var large = await server.CreateDatabaseAsync(Tables(400));

        var smallStats = new ReadStatistics();
        var largeStats = new ReadStatistics();
        var smallModel = (await SchemaReader.ReadAsync(small.ConnectionString, smallStats, CancellationToken.None)).Model;
        var largeModel = (await SchemaReader.ReadAsync(large.ConnectionString, largeStats, CancellationToken.None)).Model;

        Assert.Equal(5, smallModel.Tables.Count);
        Assert.Equal(400, largeModel.Tables.Count);
        Assert.Equal(smallStats.Statements, largeStats.Statements);
        Assert.Equal(SchemaReader.StatementsPerRead, largeStats.Statements);
        Assert.Equal(1, largeStats.RoundTrips);
        Assert.Equal(1, smallStats.RoundTrips);
    }

    [Fact]
    public async Task Reading_happens_in_a_read_only_transaction()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("CREATE TABLE t (id int)");
        await database.ExecuteAsync("ALTER DATABASE " + database.Name + " SET default_transaction_read_only = on");
        // Works on a database where writes are refused: nothing in the read writes.
        var schema = await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None);
        Assert.Single(schema.Model.Tables);
        Assert.True(schema.Server!.VersionNumber >= 120000);
    }

    [Fact]
    public async Task Statistics_come_beside_the_model()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 5000) g; ANALYZE t;");
        var schema = await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None);
        var stats = schema.StatisticsOf(new QualifiedName("public", "t"))!;
        Assert.Equal(5000, stats.EstimatedRows);
        Assert.True(stats.SizeBytes > 0);
    }
}
