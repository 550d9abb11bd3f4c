using System.Text;
using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The plain DDL is complete: for every migra fixture (and a few scenarios of our own for what the fixtures do
/// not reach) a database built from <c>a.sql</c>, after every statement of diff(a, b) is applied, reads back
/// with no difference from one built from <c>b.sql</c>. Plus statement-level checks of quoting and of every
/// change kind having statements.
/// </summary>
public sealed class DdlWriterConformanceTests
{
    private const string TestRole = "schemainspect_test_role";


    public static TheoryData<string> MigraCases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.MigraRoot()).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Scenarios)
        {
            data.Add(scenario.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MigraCases))]
    public async Task Migra_case_reaches_its_target_with_the_plain_ddl(string name)
    {
        var folder = Path.Combine(RepositoryPaths.MigraRoot(), name);
        var result = await MigrateAsync(
            name,
            await File.ReadAllTextAsync(Path.Combine(folder, "a.sql")),
            await File.ReadAllTextAsync(Path.Combine(folder, "b.sql")),
            renames: null,
            verify: null);

        if (name == "triggers3")
        {
            // The view under the INSTEAD OF trigger is re-created, and its trigger with it.
            Assert.Contains(result.Changes, c => c is CreateTrigger t && result.Changes.Any(v => v is CreateView { View.Name: var n } && n == t.TableName));
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Scenario_reaches_its_target_with_the_plain_ddl(string name)
    {
        var scenario = Scenarios.Single(s => s.Name == name);
        var result = await MigrateAsync(name, scenario.From, scenario.To, scenario.Renames, scenario.Verify);
        foreach (var kind in scenario.ExpectedKinds)
        {
            Assert.True(result.Changes.Any(c => c.Kind == kind), $"{name}: expected a {kind} change in:\n{Describe(result.Changes)}");
        }
    }

    [Fact]
    public void Every_change_kind_has_statements()
    {
        var kinds = typeof(Change).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Change)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var samples = Samples.All();
        Assert.Equal(kinds, samples.Select(s => s.GetType().Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList());

        foreach (var change in samples)
        {
            if (change is UnsupportedChange)
            {
                Assert.Throws<NotSupportedException>(() => BuiltInSql.Ddl.Statements(change, Samples.From, Samples.To));
                continue;
            }

            var statements = BuiltInSql.Ddl.Statements(change, Samples.From, Samples.To);
            Assert.NotEmpty(statements);
            Assert.All(statements, s => Assert.False(s.TrimEnd().EndsWith(';'), change.Kind + " statement ends with ';': " + s));
        }
    }

    [Fact]
    public void Identifiers_are_quoted_where_postgres_needs_it()
    {
        var table = new QualifiedName("public", "Order Items");
        var column = Samples.Column("select", "integer") with { NotNull = true, Default = "0" };

        Assert.Equal(
            ["ALTER TABLE public.\"Order Items\" ADD COLUMN \"select\" integer DEFAULT 0 NOT NULL"],
            BuiltInSql.Ddl.Statements(new AddColumn(table, column)));
        Assert.Equal(
            ["ALTER TABLE public.\"Order Items\" RENAME COLUMN \"select\" TO \"From\""],
            BuiltInSql.Ddl.Statements(new RenameColumn(table, column, column with { Name = "From" })));
        Assert.Equal(
            ["ALTER TABLE public.\"Order Items\" DROP COLUMN \"select\""],
            BuiltInSql.Ddl.Statements(new DropColumn(table, column)));
        Assert.Equal(
            ["DROP INDEX \"My Schema\".\"Idx \"\"1\"\"\""],
            BuiltInSql.Ddl.Statements(new DropIndex(new QualifiedName("My Schema", "t"), Samples.Index("Idx \"1\""))));
        Assert.Equal(
            ["CREATE TABLE public.\"Order Items\" (\n    \"select\" integer DEFAULT 0 NOT NULL,\n    \"user\" text COLLATE pg_catalog.\"C\",\n    CONSTRAINT \"Order Items_pkey\" PRIMARY KEY (\"select\")\n)"],
            BuiltInSql.Ddl.Statements(new CreateTable(Samples.Table(table) with
            {
                Columns = new[] { column, Samples.Column("user", "text") with { Collation = "pg_catalog.\"C\"" } }.ToEquatableArray(),
                Constraints = new[] { Samples.Constraint("Order Items_pkey", ConstraintKind.PrimaryKey, "PRIMARY KEY (\"select\")") }.ToEquatableArray(),
            })));
    }

    [Fact]
    public void Literals_and_enum_labels_are_escaped()
    {
        var old = new EnumType(new QualifiedName("public", "Status Type"), new[] { "it's", "z" }.ToEquatableArray());
        var added = old with { Values = new[] { "it's", "back\\slash", "z" }.ToEquatableArray() };
        Assert.Equal(
            ["ALTER TYPE public.\"Status Type\" ADD VALUE IF NOT EXISTS E'back\\\\slash' BEFORE 'z'"],
            BuiltInSql.Ddl.Statements(new AddEnumValue(old, added, "back\\slash", "z", null)));
        Assert.Equal(
            ["COMMENT ON COLUMN public.\"Order Items\".\"select\" IS 'it''s'"],
            BuiltInSql.Ddl.Statements(new SetComment("COLUMN public.\"Order Items\".\"select\"", null, "it's")));
        Assert.Equal(
            ["COMMENT ON TABLE public.t IS NULL"],
            BuiltInSql.Ddl.Statements(new SetComment("TABLE public.t", "old", null)));
    }

    [Fact]
    public void Privileges_are_revoked_then_granted_with_grant_options()
    {
        var change = new ChangePrivileges(
            "TABLE",
            "public.\"Order Items\"",
            new[] { "\"Some Role\":SELECT*", "PUBLIC:SELECT", "app:UPDATE" }.ToEquatableArray(),
            new[] { "\"Some Role\":SELECT", "app:INSERT*", "app:UPDATE" }.ToEquatableArray());
        Assert.Equal(
            [
                "REVOKE GRANT OPTION FOR SELECT ON TABLE public.\"Order Items\" FROM \"Some Role\"",
                "REVOKE SELECT ON TABLE public.\"Order Items\" FROM PUBLIC",
                "GRANT INSERT ON TABLE public.\"Order Items\" TO app WITH GRANT OPTION",
            ],
            BuiltInSql.Ddl.Statements(change));
    }

    [Fact]
    public void Column_changes_come_in_an_order_postgres_accepts()
    {
        var table = new QualifiedName("public", "t");
        var old = Samples.Column("c", "integer") with { Default = "77" };
        var @new = old with { Default = null, NotNull = true, Identity = IdentityKind.ByDefault };
        // The default goes before NOT NULL and the identity (guarded, so a re-run is a no-op), then the identity's
        // sequence moves past the values the column already holds.
        var statements = BuiltInSql.Ddl.Statements(new AlterColumn(table, old, @new, ColumnChange.Default | ColumnChange.Nullability | ColumnChange.Identity));
        Assert.Equal(4, statements.Count);
        Assert.Equal("ALTER TABLE ONLY public.t ALTER COLUMN c DROP DEFAULT", statements[0]);
        Assert.Equal("ALTER TABLE public.t ALTER COLUMN c SET NOT NULL", statements[1]);
        Assert.Contains("ALTER TABLE public.t ALTER COLUMN c ADD GENERATED BY DEFAULT AS IDENTITY;", statements[2], StringComparison.Ordinal);
        Assert.Contains("pg_catalog.setval(sp_sequence, sp_edge, true)", statements[3], StringComparison.Ordinal);

        var generated = Samples.Column("g", "integer") with { Generated = "(a * 2)" };
        Assert.Equal(
            ["ALTER TABLE public.t DROP COLUMN g", "ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((a * 2)) STORED"],
            BuiltInSql.Ddl.Statements(new AlterColumn(table, generated with { Generated = null }, generated, ColumnChange.Generated)));
        Assert.Equal(
            ["ALTER TABLE public.t ALTER COLUMN g DROP EXPRESSION"],
            BuiltInSql.Ddl.Statements(new AlterColumn(table, generated, generated with { Generated = null }, ColumnChange.Generated)));
    }

    [Fact]
    public void Changes_that_move_other_objects_need_the_models()
    {
        var type = new EnumType(new QualifiedName("public", "e"), new[] { "a", "b" }.ToEquatableArray());
        var error = Assert.Throws<InvalidOperationException>(() => BuiltInSql.Ddl.Statements(new ReplaceEnum(type, type with { Values = new[] { "b", "a" }.ToEquatableArray() })));
        Assert.Contains("needs both models", error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => BuiltInSql.Ddl.Statements(new UnsupportedChange("operator", "public.===", "not modelled")));
    }

    // ---- the round trip ---------------------------------------------------------------------------------------

    internal static async Task<DiffResult> MigrateAsync(string name, string fromSql, string toSql, IReadOnlyList<RenameHint>? renames, string? verify)
    {
        var server = await PostgresServer.GetAsync();
        await EnsureTestRoleAsync(server);
        await using var a = await server.CreateDatabaseAsync(fromSql);
        await using var b = await server.CreateDatabaseAsync(toSql);
        var from = (await SchemaReader.ReadAsync(a.ConnectionString, CancellationToken.None)).Model;
        var to = (await SchemaReader.ReadAsync(b.ConnectionString, CancellationToken.None)).Model;

        AssertNoChanges(name + ": diff(a, a)", SchemaDiffer.Diff(from, from));
        AssertNoChanges(name + ": diff(b, b)", SchemaDiffer.Diff(to, to));
        var diff = SchemaDiffer.Diff(from, to, renames);
        Assert.False(diff.IsEmpty, name + ": diff(a, b) is empty");

        // Objects the model does not cover are reported, never skipped silently.
        var reported = diff.Changes.OfType<UnsupportedChange>().ToList();
        foreach (var item in from.Unsupported.Concat(to.Unsupported).Distinct())
        {
            Assert.True(
                reported.Any(u => u.Name == item.Name) || diff.Warnings.Any(w => w.Contains(item.Name, StringComparison.Ordinal)),
                $"{name}: unsupported {item.Kind} {item.Name} is neither a change nor a warning");
        }

        var script = await ApplyAsync(name, a, diff.Changes.Where(c => c is not UnsupportedChange).ToList(), from, to);
        var migrated = (await SchemaReader.ReadAsync(a.ConnectionString, CancellationToken.None)).Model;
        var remaining = SchemaDiffer.Diff(migrated, to).Changes
            .Where(c => !(c is UnsupportedChange u && reported.Any(r => r.Name == u.Name)))
            .ToList();
        Assert.True(
            remaining.Count == 0,
            $"{name}: diff(migrated, b) is not empty:\n{Describe(remaining)}\n\nplan:\n{Describe(diff.Changes)}\n\nscript:\n{script}");

        if (verify is not null)
        {
            Assert.True(await a.QueryScalarAsync<bool>(verify), $"{name}: data check failed: {verify}\n\nscript:\n{script}");
        }

        return diff;
    }

    /// <summary>Runs every statement on one session, in autocommit mode, as a plain migration runner would.</summary>
    private static async Task<string> ApplyAsync(string name, TestDatabase database, IReadOnlyList<Change> changes, SchemaModel from, SchemaModel to)
    {
        var script = new StringBuilder();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var change in changes)
        {
            foreach (var statement in BuiltInSql.Ddl.Statements(change, from, to))
            {
                script.Append("-- ").Append(change.Describe()).Append('\n').Append(statement).Append(";\n");
                try
                {
                    await using var command = new NpgsqlCommand(statement, connection);
                    await command.ExecuteNonQueryAsync();
                }
                catch (PostgresException ex)
                {
                    Assert.Fail($"{name}: applying '{change.Describe()}' failed with {ex.SqlState} {ex.MessageText}\n{statement}\n\nscript so far:\n{script}");
                }
            }
        }

        return script.ToString();
    }

    private static void AssertNoChanges(string what, DiffResult diff) =>
        Assert.True(diff.IsEmpty, what + " is not empty:\n" + Describe(diff.Changes));

    private static string Describe(IEnumerable<Change> changes) => string.Join("\n", changes.Select(c => "  " + c.Describe()));

    /// <summary>Some fixtures grant to and write policies for this role; roles are per server, so create it once.</summary>
    private static async Task EnsureTestRoleAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"DO $$ BEGIN CREATE ROLE {TestRole}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    // ---- our own scenarios: what the migra fixtures do not reach -----------------------------------------------

    private sealed record Scenario(string Name, string From, string To, string[] ExpectedKinds, string? Verify = null, IReadOnlyList<RenameHint>? Renames = null);

    private static readonly Scenario[] Scenarios =
    [
        new(
            "nasty_identifiers",
            """
            create table "Order Items"("select" int);
            """,
            """"
            create schema "My Schema";
            create type "My Schema"."Status" as enum ('it''s', 'back\slash', 'plain');
            create sequence "My Schema"."Seq 1";
            create table "Order Items"(
              "select" int primary key,
              "Weird ""Col""" text collate "C" default 'it''s',
              "Upper" "My Schema"."Status",
              "n" bigint default nextval('"My Schema"."Seq 1"'));
            create index "Idx Upper" on "Order Items"("Upper");
            create table "My Schema"."Child Table"("id" int references "Order Items"("select") on delete cascade, "from" text check ("from" <> ''));
            create view "My Schema"."Items View" as select "select", "Upper" from "Order Items";
            create function "My Schema"."Touch"() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger "Touch It" before insert on "Order Items" for each row execute function "My Schema"."Touch"();
            alter table "Order Items" enable row level security;
            create policy "Only Mine" on "Order Items" for select using ("select" > 0);
            comment on table "Order Items" is 'it''s \ a table';
            comment on column "Order Items"."select" is 'the key';
            """",
            ["create_schema", "create_enum", "create_sequence", "add_column", "add_index", "create_view", "create_trigger", "create_policy", "set_comment"]),
        new(
            "enum_replaced_with_data",
            """
            create type mood as enum ('sad', 'ok', 'happy');
            create type level as enum ('low', 'mid', 'high');
            create type size as enum ('s', 'l');
            create table person(id int primary key, current mood default 'ok', history mood[], lvl level not null default 'low', sz size);
            create view happy_people as select id from person where current = 'happy';
            insert into person values (1, 'sad', '{sad,ok}', 'low', 's'), (2, 'happy', '{happy}', 'high', 'l');
            """,
            """
            create type mood as enum ('happy', 'ok', 'sad', 'ecstatic');
            create type level as enum ('low', 'high');
            create type size as enum ('s', 'm', 'l');
            create table person(id int primary key, current mood default 'ok', history mood[], lvl level not null default 'low', sz size);
            create view happy_people as select id from person where current = 'happy';
            """,
            ["replace_enum", "add_enum_value"],
            Verify: """
            select count(*) = 2 and bool_and(case id when 1 then current = 'sad' and history = '{sad,ok}' and lvl = 'low'
                                                  else current = 'happy' and lvl = 'high' and sz = 'l' end)
            from person
            """),
        new(
            "collation_and_domains",
            """
            create collation ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            create domain positive as integer check (value > 0);
            create domain short_text as text not null default 'x' constraint not_empty check (value <> '');
            create table thing(name text collate ci, amount positive, label short_text);
            insert into thing values ('A', 1, 'l');
            """,
            """
            create collation ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
            create domain positive as bigint check (value > 0);
            create domain short_text as text default 'y' constraint not_empty check (value <> '') constraint short check (length(value) < 10);
            create domain unused as int;
            create collation bytewise (provider = libc, locale = 'C');
            create table thing(name text collate ci, amount positive, label short_text);
            """,
            ["replace_collation", "create_collation", "alter_domain", "create_domain"],
            Verify: "select count(*) = 1 and bool_and(name = 'A' and amount = 1 and label = 'l') from thing"),
        new(
            "sequences_and_identity",
            """
            create sequence counter as integer increment by 1 maxvalue 1000;
            create table ticket(id int generated by default as identity, n int default nextval('counter'));
            create sequence doomed;
            """,
            """
            create sequence counter as bigint increment by 5 cache 10 cycle;
            create table ticket(id bigint generated always as identity primary key, n int default nextval('counter'));
            """,
            ["alter_sequence", "alter_column", "drop_sequence", "add_constraint"]),
        new(
            "privileges_and_comments",
            $"""
            create schema app;
            create table app.item(id int primary key, name text);
            create function app.f(i int) returns int language sql as 'select i';
            create sequence app.s;
            grant usage on schema app to {TestRole};
            grant select, update on app.item to {TestRole} with grant option;
            comment on table app.item is 'old';
            comment on column app.item.name is 'gone soon';
            """,
            $"""
            create schema app;
            create table app.item(id int primary key, name text);
            create function app.f(i int) returns int language sql as 'select i';
            create sequence app.s;
            grant usage, create on schema app to {TestRole};
            grant select on app.item to {TestRole};
            grant insert on app.item to {TestRole} with grant option;
            grant usage on sequence app.s to {TestRole};
            revoke execute on function app.f(int) from public;
            grant execute on function app.f(int) to {TestRole};
            comment on table app.item is 'new';
            comment on constraint item_pkey on app.item is 'the key';
            comment on function app.f(int) is 'identity';
            comment on schema app is 'the app';
            """,
            ["change_privileges", "set_comment"]),
        new(
            "partition_key_rebuilt_with_data",
            """
            create table account(id serial primary key);
            create table event(id bigint generated always as identity, account_id int not null references account(id), at date not null, payload text, primary key (id, at));
            create index event_account on event(account_id);
            create view recent as select id, at from event;
            insert into account default values;
            insert into account default values;
            insert into event(account_id, at, payload) values (1, '2024-01-05', 'a'), (2, '2024-02-05', 'b');
            create table audit(event_id bigint, event_at date, foreign key (event_id, event_at) references event(id, at));
            insert into audit values (1, '2024-01-05');
            comment on table event is 'events';
            """,
            """
            create table account(id serial primary key);
            create table event(id bigint generated always as identity, account_id int not null references account(id), at date not null, payload text, primary key (id, at)) partition by range (at);
            create table event_2024_01 partition of event for values from ('2024-01-01') to ('2024-02-01');
            create table event_rest partition of event default;
            create index event_account on event(account_id);
            create view recent as select id, at from event;
            create table audit(event_id bigint, event_at date, foreign key (event_id, event_at) references event(id, at));
            comment on table event is 'events';
            """,
            ["alter_table"],
            Verify: """
            select (select count(*) from event) = 2 and (select count(*) from event_rest) = 1 and (select count(*) from audit) = 1
               and (select id from event where payload = 'b') = 2
            """),
        new(
            "renames_from_hints",
            """
            create table post(id int, txt text);
            insert into post values (1, 'hello');
            """,
            """
            create table article(id int, body varchar(100) not null);
            """,
            ["rename_table", "rename_column"],
            Verify: "select body = 'hello' from article",
            Renames: [new RenameHint(new QualifiedName("public", "post"), null, "article"), new RenameHint(new QualifiedName("public", "post"), "txt", "body")]),
        new(
            "table_properties",
            """
            create schema ext;
            create extension citext;
            create table parent(a int);
            create table child(a int, b int);
            create table p(k int) partition by list (k);
            create table p1(k int);
            create table p2 partition of p for values in (2);
            create unlogged table u(x int);
            alter table u add constraint x_pos check (x > 0) not valid;
            create function ret() returns int language sql as 'select 1';
            """,
            """
            create schema ext;
            create extension citext schema ext;
            create table parent(a int);
            create table child(b int) inherits (parent);
            create table p(k int) partition by list (k);
            create table p1 partition of p for values in (1);
            create table p2(k int);
            create table u(x int);
            alter table u add constraint x_pos check (x > 0);
            alter table u enable row level security;
            alter table u force row level security;
            create function ret() returns bigint language sql as 'select 1::bigint';
            create procedure proc(x int) language sql as $$ select 1 $$;
            """,
            ["alter_table", "validate_constraint", "alter_extension", "drop_function", "create_function"]),
        new(
            "policies_and_triggers",
            """
            create table doc(owner text);
            alter table doc enable row level security;
            create policy p on doc using (owner = current_user);
            create policy q on doc using (true) with check (true);
            create function tg() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger t before insert on doc for each row execute function tg();
            create view doc_owners as select owner from doc;
            """,
            $"""
            create table doc(owner text);
            alter table doc enable row level security;
            create policy p on doc to {TestRole} using (owner = current_user) with check (owner <> '');
            create policy q on doc with check (true);
            create function tg() returns trigger language plpgsql as $$ begin return null; end $$;
            create trigger t before insert on doc for each row execute function tg();
            alter table doc disable trigger t;
            create view doc_owners as select owner, 1 as one from doc;
            """,
            ["alter_policy", "replace_function", "create_trigger", "replace_view"]),
    ];

    // ---- one sample of every change kind ----------------------------------------------------------------------

    internal static class Samples
    {
        private static readonly QualifiedName T = new("public", "t");

        public static SchemaModel From { get; } = SchemaModel.Empty with { Tables = new[] { Table(T) with { Columns = new[] { Column("c", "public.e") }.ToEquatableArray() } }.ToEquatableArray() };

        public static SchemaModel To => From;

        public static Column Column(string name, string type) =>
            new(name, type, new QualifiedName("pg_catalog", type), null, false, null, null, IdentityKind.None, null);

        public static Model.Index Index(string name) =>
            new(name, "CREATE INDEX " + Sql.Quote(name) + " ON public.t USING btree (c)", "btree", new[] { "c" }.ToEquatableArray(), EquatableArray<string>.Empty, null, false, true, null);

        public static Constraint Constraint(string name, ConstraintKind kind, string definition) =>
            new(name, kind, definition, EquatableArray<string>.Empty, true, false, false, null, EquatableArray<string>.Empty, null, null);

        public static Table Table(QualifiedName name) =>
            new(name, TableKind.Regular, false, null, null, null, EquatableArray<QualifiedName>.Empty, false, false,
                EquatableArray<Column>.Empty, EquatableArray<Model.Index>.Empty, EquatableArray<Constraint>.Empty,
                EquatableArray<Trigger>.Empty, EquatableArray<Policy>.Empty, EquatableArray<string>.Empty);

        public static IReadOnlyList<Change> All()
        {
            var table = Table(T) with { Columns = new[] { Column("c", "integer") }.ToEquatableArray() };
            var column = Column("c", "integer");
            var check = Constraint("c_pos", ConstraintKind.Check, "CHECK ((c > 0))");
            var index = Index("t_c_idx");
            var view = new View(new QualifiedName("public", "v"), ViewKind.View, " SELECT 1;", new[] { "c" }.ToEquatableArray(), EquatableArray<Model.Index>.Empty, EquatableArray<QualifiedName>.Empty, EquatableArray<string>.Empty);
            var function = new Function(new QualifiedName("public", "f"), "", "function", "integer", "sql", Volatility.Immutable,
                "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\nAS $function$select 1$function$\n", EquatableArray<string>.Empty);
            var type = new EnumType(new QualifiedName("public", "e"), new[] { "a", "b" }.ToEquatableArray());
            var composite = new CompositeType(new QualifiedName("public", "ct"), new[] { new CompositeAttribute("a", "integer", new QualifiedName("pg_catalog", "int4"), null) }.ToEquatableArray());
            var range = new RangeType(new QualifiedName("public", "r"), "integer", new QualifiedName("pg_catalog", "int4"), null, null, null, null, null);
            var domain = new Domain(new QualifiedName("public", "d"), "integer", null, null, false, EquatableArray<DomainCheck>.Empty);
            var sequence = new Sequence(new QualifiedName("public", "s"), "bigint", 1, 1, 1, long.MaxValue, 1, false, null, null, EquatableArray<string>.Empty);
            var collation = new Collation(new QualifiedName("public", "c"), "icu", "und", null, null, true);
            var extension = new Extension("citext", "public", "1.6");
            var trigger = new Trigger("tg", "CREATE TRIGGER tg BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()", "O");
            var policy = new Policy("p", "ALL", true, new[] { "public" }.ToEquatableArray(), "true", null);
            return
            [
                new CreateSchema(new Schema("s", EquatableArray<string>.Empty)),
                new DropSchema(new Schema("s", EquatableArray<string>.Empty)),
                new CreateExtension(extension),
                new AlterExtension(extension with { Version = "1.5" }, extension),
                new DropExtension(extension),
                new CreateCollation(collation),
                new ReplaceCollation(collation, collation with { Locale = "en" }),
                new DropCollation(collation),
                new CreateEnum(type),
                new AddEnumValue(type, type with { Values = new[] { "a", "b", "c" }.ToEquatableArray() }, "c", null, "b"),
                new ReplaceEnum(type, type with { Values = new[] { "b", "a" }.ToEquatableArray() }),
                new DropEnum(type),
                new CreateCompositeType(composite),
                new AlterCompositeType(composite, composite with { Attributes = composite.Attributes.Append(new CompositeAttribute("b", "text", new QualifiedName("pg_catalog", "text"), null)).ToEquatableArray() }),
                new ReplaceCompositeType(composite, composite),
                new DropCompositeType(composite),
                new CreateRangeType(range),
                new ReplaceRangeType(range, range with { Subtype = "bigint" }),
                new DropRangeType(range),
                new CreateDomain(domain),
                new AlterDomain(domain, domain with { NotNull = true }),
                new DropDomain(domain),
                new CreateSequence(sequence),
                new AlterSequence(sequence, sequence with { Increment = 2 }),
                new DropSequence(sequence),
                new CreateFunction(function),
                new ReplaceFunction(function, function),
                new DropFunction(function),
                new CreateTable(table),
                new RenameTable(table, table with { Name = new QualifiedName("public", "t2") }),
                new AlterTable(table, table with { Unlogged = true }, TableChange.Persistence),
                new DropTable(table),
                new AddColumn(T, column),
                new AlterColumn(T, column, column with { NotNull = true }, ColumnChange.Nullability),
                new RenameColumn(T, column, column with { Name = "d" }),
                new DropColumn(T, column),
                new AddConstraint(T, check),
                new ValidateConstraint(T, check),
                new DropConstraint(T, check),
                new AddIndex(T, index),
                new DropIndex(T, index),
                new CreateView(view),
                new ReplaceView(view, view),
                new DropView(view),
                new CreateTrigger(T, trigger),
                new DropTrigger(T, trigger),
                new CreatePolicy(T, policy),
                new AlterPolicy(T, policy, policy with { Using = "false" }),
                new DropPolicy(T, policy),
                new SetComment("TABLE public.t", null, "x"),
                new ChangePrivileges("TABLE", "public.t", EquatableArray<string>.Empty, new[] { "PUBLIC:SELECT" }.ToEquatableArray()),
                new UnsupportedChange("operator", "public.===", "not modelled"),
            ];
        }
    }
}
