using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class DdlLocationsTests
{
    private static QualifiedName Public(string name) => new("public", name);

    /// <summary>Applies the files to a fresh database on the test server, as the desired schema is applied.</summary>
    private static async Task<DdlLocations> BuildAsync(params (string File, string Sql)[] files)
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();
        return await SqlFiles.ApplyAsync(database.ConnectionString, files.SelectMany(f => SqlScript.Split(f.File, f.Sql)).ToList(), CancellationToken.None);
    }

    private static Task<DdlLocations> BuildAsync(string sql) => BuildAsync(("s.sql", sql));

    private static SourceLocation At(int line, int column, string file = "s.sql") => new(file, line, column);

    [Fact]
    public async Task Columns_and_named_constraints_of_create_table()
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS Users (
                id bigint GENERATED ALWAYS AS IDENTITY,
                email text NOT NULL,
                "Display Name" varchar(100) DEFAULT 'x, y',
                CONSTRAINT users_pk PRIMARY KEY (id),
                constraint "Email Unique" unique (email)
            );
            """;

        var locations = await BuildAsync(sql);
        var users = Public("users");

        Assert.Equal(At(1, 28), locations.Table(users));
        Assert.Equal(At(2, 5), locations.Column(users, "id"));
        Assert.Equal(At(3, 5), locations.Column(users, "email"));
        Assert.Equal(At(4, 5), locations.Column(users, "Display Name"));
        Assert.Null(locations.Column(users, "display name"));
        Assert.Equal(At(5, 5), locations.Constraint(users, "users_pk"));
        Assert.Equal(At(6, 5), locations.Constraint(users, "Email Unique"));
        Assert.Equal(At(5, 5), locations.Index("public", "users_pk"));
        Assert.Equal(At(2, 5), locations.Sequence(Public("users_id_seq")));
        Assert.Null(locations.Constraint(users, "users_email_not_null")); // PostgreSQL before 18 keeps NOT NULL on the column
        Assert.Null(locations.Table(Public("Users")));
    }

    [Fact]
    public async Task Unnamed_inline_constraints_use_default_names_and_are_found_by_column()
    {
        const string sql = """
            create table customers (id int primary key); create table orders (
              id serial primary key,
              code text unique check (length(code) > 2),
              customer_id int references customers (id) on delete cascade,
              total numeric constraint total_positive check (total > 0)
            );
            """;

        var locations = await BuildAsync(sql);
        var orders = Public("orders");

        Assert.Equal(At(2, 13), locations.Constraint(orders, "orders_pkey"));
        Assert.Equal(At(2, 13), locations.Index(Public("orders_pkey")));
        Assert.Equal(At(2, 3), locations.Sequence(Public("orders_id_seq")));
        Assert.Equal(At(3, 13), locations.Constraint(orders, "orders_code_key"));
        Assert.Equal(At(3, 20), locations.Constraint(orders, "orders_code_check"));
        Assert.Equal(At(4, 19), locations.Constraint(orders, "orders_customer_id_fkey"));
        Assert.Equal(At(5, 17), locations.Constraint(orders, "total_positive"));
        Assert.Null(locations.Constraint(orders, "orders_code_key1"));
    }

    [Fact]
    public async Task Unnamed_table_constraints_use_default_names()
    {
        const string sql = """
            create extension if not exists btree_gist; create table other (x int, y int, unique (x, y)); create table booking (
              room int, during tstzrange, a int, b int,
              primary key (room, a),
              unique (a, b) include (room),
              foreign key (a, b) references other (x, y),
              check (a > 0),
              check (a < b),
              exclude using gist (room with =, during with &&)
            );
            """;

        var locations = await BuildAsync(sql);
        var booking = Public("booking");

        Assert.Equal(At(3, 3), locations.Constraint(booking, "booking_pkey"));
        Assert.Equal(At(4, 3), locations.Constraint(booking, "booking_a_b_room_key"));
        Assert.Equal(At(4, 3), locations.Index("public", "booking_a_b_room_key"));
        Assert.Equal(At(5, 3), locations.Constraint(booking, "booking_a_b_fkey"));
        Assert.Equal(At(6, 3), locations.Constraint(booking, "booking_a_check"));
        Assert.Equal(At(7, 3), locations.Constraint(booking, "booking_check"));
        Assert.Equal(At(8, 3), locations.Constraint(booking, "booking_room_during_excl"));
    }

    [Fact]
    public async Task Clashing_default_names_get_numbers_like_postgres()
    {
        const string sql = """
            create table u (id int primary key); create table t (
              a int check (a > 0) check (a < 100),
              b int references u, foreign key (b) references u,
              c int unique, unique (c)
            );
            create index on t (a);
            create index on t (a);
            create sequence t_d_seq;
            alter table t add column d serial;
            create table t_a_idx2 (x int);
            create index on t (a);
            """;

        var locations = await BuildAsync(sql);
        var t = Public("t");

        Assert.Equal(At(2, 9), locations.Constraint(t, "t_a_check"));
        Assert.Equal(At(2, 23), locations.Constraint(t, "t_a_check1"));
        Assert.Equal(At(3, 9), locations.Constraint(t, "t_b_fkey"));
        Assert.Equal(At(3, 23), locations.Constraint(t, "t_b_fkey1"));
        Assert.Equal(At(4, 9), locations.Constraint(t, "t_c_key"));
        Assert.Null(locations.Constraint(t, "t_c_key1")); // PostgreSQL keeps one of two identical unique constraints
        Assert.Equal(At(6, 1), locations.Index("public", "t_a_idx"));
        Assert.Equal(At(7, 1), locations.Index("public", "t_a_idx1"));
        Assert.Equal(At(9, 26), locations.Sequence(Public("t_d_seq1")));
        Assert.Equal(At(11, 1), locations.Index("public", "t_a_idx3"));
    }

    [Fact]
    public async Task Long_default_names_are_shortened_like_postgres()
    {
        var table = new string('t', 40);
        var column = new string('c', 40);
        var locations = await BuildAsync($"create table {table} ({column} int unique);");

        // makeObjectName trims the longer part first so that the name fits in 63 bytes.
        var expected = new string('t', 29) + "_" + new string('c', 29) + "_key";
        Assert.Equal(63, expected.Length);
        Assert.NotNull(locations.Constraint(Public(table), expected));
    }

    [Fact]
    public async Task Quoted_identifiers_are_kept_verbatim()
    {
        const string sql = """
            CREATE TABLE "Order Items" ("select" int PRIMARY KEY, "Qty" int CHECK ("Qty" > 0), "a""b" text);
            create index on "Order Items" ("Qty");
            """;

        var locations = await BuildAsync(sql);
        var items = Public("Order Items");

        Assert.Equal(At(1, 14), locations.Table(items));
        Assert.Equal(At(1, 29), locations.Column(items, "select"));
        Assert.Equal(At(1, 55), locations.Column(items, "Qty"));
        Assert.Equal(At(1, 84), locations.Column(items, "a\"b"));
        Assert.Equal(At(1, 42), locations.Constraint(items, "Order Items_pkey"));
        Assert.Equal(At(1, 65), locations.Constraint(items, "Order Items_Qty_check"));
        Assert.Equal(At(2, 1), locations.Index("public", "Order Items_Qty_idx"));
    }

    [Fact]
    public async Task Schema_qualified_names()
    {
        var locations = await BuildAsync("""
            create schema app;
            create table app."Order Items" ("select" int);
            create table app.t (a int);
            """);

        Assert.Equal(At(1, 15), locations.Schema("app"));
        Assert.Equal(At(2, 14), locations.Table(new QualifiedName("app", "Order Items")));
        Assert.Equal(At(2, 33), locations.Column(new QualifiedName("app", "Order Items"), "select"));
        Assert.Equal(At(3, 14), locations.Table(new QualifiedName("app", "t")));
        Assert.Null(locations.Table(Public("Order Items")));
    }

    [Fact]
    public async Task Indexes_with_and_without_names()
    {
        const string sql = """
            create table app_users (id int, email text, tenant int, created timestamp);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS Users_Email ON ONLY app_users USING btree (lower(email));
            create index on app_users (tenant, created desc nulls last);
            create index on app_users using btree (lower(email), lower(email) text_pattern_ops) include (id);
            create index on app_users ((created::date), (tenant + 1), (email collate "C"));
            create index on app_users (tenant) where tenant > 0;
            """;

        var locations = await BuildAsync(sql);

        Assert.Equal(At(2, 48), locations.Index("public", "users_email"));
        Assert.Equal(At(3, 1), locations.Index("public", "app_users_tenant_created_idx"));
        Assert.Equal(At(4, 1), locations.Index("public", "app_users_lower_lower1_id_idx"));
        Assert.Equal(At(5, 1), locations.Index("public", "app_users_created_expr_email_idx"));
        Assert.Equal(At(6, 1), locations.Index("public", "app_users_tenant_idx"));
    }

    [Fact]
    public async Task Search_path_sets_the_schema_of_unqualified_names_across_files()
    {
        var locations = await BuildAsync(
            ("0.sql", "create schema app; create schema \"Other\"; create schema \"Quoted\";"),
            ("1.sql", "create table a (x int);\nSET search_path TO app, public;\ncreate table b (x int);"),
            ("2.sql", "create table c (x int);\nset search_path = \"$user\", \"Other\";\ncreate index i on app.c (x);\ncreate table d (x int);"),
            ("3.sql", "SELECT pg_catalog.set_config('search_path', 'public', false);\ncreate table e (x int);\nset search_path = 'Quoted';\ncreate table f (x int);\nreset search_path;\ncreate table g (x int);"));

        Assert.Equal(At(1, 14, "1.sql"), locations.Table(Public("a")));
        Assert.Equal(At(3, 14, "1.sql"), locations.Table(new QualifiedName("app", "b")));
        Assert.Equal(At(1, 14, "2.sql"), locations.Table(new QualifiedName("app", "c")));
        Assert.Equal(At(3, 14, "2.sql"), locations.Index("app", "i")); // an index lives in its table's schema
        Assert.Equal(At(4, 14, "2.sql"), locations.Table(new QualifiedName("Other", "d")));
        Assert.Equal(At(2, 14, "3.sql"), locations.Table(Public("e")));
        Assert.Equal(At(4, 14, "3.sql"), locations.Table(new QualifiedName("Quoted", "f")));
        Assert.Equal(At(6, 14, "3.sql"), locations.Table(Public("g")));
        Assert.Null(locations.Table(Public("b")));
    }

    [Fact]
    public async Task Create_schema_alone_does_not_change_the_search_path_but_its_elements_live_in_it()
    {
        var locations = await BuildAsync("create schema app create table t (a int) create view v as select 1;\ncreate table u (a int);");

        Assert.Equal(At(1, 32), locations.Table(new QualifiedName("app", "t")));
        Assert.Equal(At(1, 35), locations.Column(new QualifiedName("app", "t"), "a"));
        Assert.Equal(At(1, 54), locations.View(new QualifiedName("app", "v")));
        Assert.Equal(At(2, 14), locations.Table(Public("u")));
    }

    [Fact]
    public async Task Alter_table_add_column_and_constraint()
    {
        const string sql = """
            create table t (id int);
            ALTER TABLE IF EXISTS ONLY public.t
              ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new',
              ADD note text UNIQUE,
              ADD CONSTRAINT t_status_check CHECK (status <> ''),
              ADD PRIMARY KEY (id),
              ADD CHECK (id > 0);
            alter table t alter column id add generated always as identity (sequence name t_seq start 1);
            select 'an ALTER COLUMN of a column not made yet fails in PostgreSQL';
            alter table t alter column status set default 'newer';
            create table later (id int, ghost int);
            """;

        var locations = await BuildAsync(sql);
        var t = Public("t");

        Assert.Equal(At(1, 14), locations.Table(t));
        Assert.Equal(At(1, 17), locations.Column(t, "id"));
        Assert.Equal(At(3, 28), locations.Column(t, "status"));
        Assert.Equal(At(4, 7), locations.Column(t, "note"));
        Assert.Equal(At(4, 17), locations.Constraint(t, "t_note_key"));
        Assert.Equal(At(5, 7), locations.Constraint(t, "t_status_check"));
        Assert.Equal(At(6, 7), locations.Constraint(t, "t_pkey"));
        Assert.Equal(At(7, 7), locations.Constraint(t, "t_id_check"));
        Assert.Equal(At(8, 28), locations.Sequence(Public("t_seq")));

        // A later ALTER COLUMN does not move the column from its definition.
        Assert.Equal(At(11, 29), locations.Column(Public("later"), "ghost"));
    }

    [Fact]
    public async Task Pg_dump_style_constraints_and_defaults()
    {
        const string sql = """
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.accounts (
                id integer NOT NULL,
                name text
            );
            ALTER TABLE public.accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
                SEQUENCE NAME public.accounts_id_seq
                START WITH 1
            );
            ALTER TABLE ONLY public.accounts
                ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
            CREATE INDEX accounts_name_idx ON public.accounts USING btree (name);
            """;

        var locations = await BuildAsync(sql);
        var accounts = Public("accounts");

        Assert.Equal(At(7, 42), locations.Sequence(Public("accounts_id_seq")));
        Assert.Equal(At(12, 9), locations.Constraint(accounts, "accounts_pkey"));
        Assert.Equal(At(12, 9), locations.Index("public", "accounts_pkey"));
        Assert.Equal(At(13, 14), locations.Index("public", "accounts_name_idx"));
    }

    [Fact]
    public async Task Partitions_inheritance_and_typed_tables()
    {
        const string sql = """
            create table events (id int, at date, primary key (id, at)) partition by range (at);
            create table events_2024 partition of events (constraint events_2024_at check (at > '2000-01-01')) for values from ('2024-01-01') to ('2025-01-01'); create table base (k int);
            create table child (extra int) inherits (base);
            create unlogged table if not exists cache (k text);
            create temp table scratch as select 1 as x;
            """;

        var locations = await BuildAsync(sql);

        Assert.Equal(At(1, 14), locations.Table(Public("events")));
        Assert.Equal(At(1, 39), locations.Constraint(Public("events"), "events_pkey"));
        Assert.Equal(At(2, 14), locations.Table(Public("events_2024")));
        Assert.Equal(At(2, 47), locations.Constraint(Public("events_2024"), "events_2024_at"));
        Assert.Equal(At(3, 14), locations.Table(Public("child")));
        Assert.Equal(At(3, 21), locations.Column(Public("child"), "extra"));
        Assert.Equal(At(4, 37), locations.Table(Public("cache")));
        Assert.Null(locations.Table(Public("scratch"))); // a temporary table lives in pg_temp
    }

    [Fact]
    public async Task Other_object_kinds()
    {
        const string sql = """
            CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public; create table users (email text);
            create type mood as enum ('sad', 'ok');
            create type pair as (left_value int, "Right" int);
            create domain positive as int constraint positive_check check (value > 0);
            create domain email as text check (value like '%@%');
            create sequence if not exists counter;
            create or replace view active_users (id) as select 1;
            create materialized view if not exists stats as select 1;
            create function f(a int) returns int language sql as $$ select a; $$;
            create function f(a text) returns int language sql as $$ select 1; $$; create function tf() returns trigger language plpgsql as $$ begin return new; end $$;
            create or replace procedure p() language sql as $$ select 1; $$;
            create or replace trigger trg after update of email on users for each row execute function tf();
            create constraint trigger ctrg after insert on users deferrable for each row execute function tf();
            create policy own_rows on users using (true); do $$ begin create role alice; exception when duplicate_object then null; end $$;
            create schema authorization alice;
            """;

        var locations = await BuildAsync(sql);

        Assert.Equal(At(1, 32), locations.Extension("uuid-ossp"));
        Assert.Equal(At(2, 13), locations.Type(Public("mood")));
        Assert.Equal(At(3, 13), locations.Type(Public("pair")));
        Assert.Equal(At(3, 38), locations.Column(Public("pair"), "Right"));
        Assert.Equal(At(4, 15), locations.Type(Public("positive")));
        Assert.Equal(At(4, 31), locations.Constraint(Public("positive"), "positive_check"));
        Assert.Equal(At(5, 29), locations.Constraint(Public("email"), "email_check"));
        Assert.Equal(At(6, 31), locations.Sequence(Public("counter")));
        Assert.Equal(At(7, 24), locations.View(Public("active_users")));
        Assert.Equal(At(7, 24), locations.Relation(Public("active_users")));
        Assert.Equal(At(7, 38), locations.Column(Public("active_users"), "id"));
        Assert.Equal(At(8, 40), locations.View(Public("stats")));
        Assert.Equal(At(9, 17), locations.Function(Public("f")));
        Assert.Equal(At(11, 29), locations.Function(Public("p")));
        Assert.Equal(At(12, 27), locations.Trigger(Public("users"), "trg"));
        Assert.Equal(At(13, 27), locations.Trigger(Public("users"), "ctrg"));
        Assert.Equal(At(14, 15), locations.Policy(Public("users"), "own_rows"));
        Assert.Equal(At(15, 29), locations.Schema("alice"));
    }

    [Fact]
    public async Task Comments_are_found_by_the_target_introspection_gives_them()
    {
        const string sql = """
            create schema app; create table app.users (id int primary key, "E-mail" text); create function app.f(a integer, b text) returns int language sql as $$ select 1 $$; set search_path = app;
            comment on table users is 'x';
            comment on column Users."E-mail" is 'y';
            comment on constraint users_pkey on users is 'z';
            comment on function f(integer, text) is 'w';
            comment on schema app is 's';
            """;

        var locations = await BuildAsync(sql);

        Assert.Equal(At(2, 12), locations.Comment("TABLE app.users"));
        Assert.Equal(At(3, 12), locations.Comment("COLUMN app.users.\"E-mail\""));
        Assert.Equal(At(4, 12), locations.Comment("CONSTRAINT users_pkey on app.users"));
        Assert.Equal(At(5, 12), locations.Comment("FUNCTION app.f(integer,pg_catalog.text)"));
        Assert.Equal(At(6, 12), locations.Comment("SCHEMA app"));
        Assert.Null(locations.Comment("TABLE public.users"));
    }

    [Fact]
    public async Task First_declaration_wins_and_files_have_a_fallback()
    {
        var locations = await BuildAsync(
            ("a.sql", "-- header\ncreate table t (a int);"),
            ("b.sql", "create table if not exists t (a int, b int);"));

        Assert.Equal(At(2, 14, "a.sql"), locations.Table(Public("t")));
        Assert.Equal(At(2, 17, "a.sql"), locations.Column(Public("t"), "a"));
        Assert.Null(locations.Column(Public("t"), "b")); // the second CREATE TABLE does nothing in PostgreSQL
        Assert.Equal(At(1, 1, "a.sql"), locations.Fallback);
    }

    [Fact]
    public async Task Multibyte_names_and_crlf_positions()
    {
        var locations = await BuildAsync("-- é😀\r\ncreate table café (\r\n  naïve int,\r\n  😀 text\r\n);");

        Assert.Equal(At(2, 14), locations.Table(Public("café")));
        Assert.Equal(At(3, 3), locations.Column(Public("café"), "naïve"));
        Assert.Equal(At(4, 3), locations.Column(Public("café"), "😀"));
    }

    [Fact]
    public async Task Odd_sql_is_rejected_at_its_position()
    {
        const string sql = "create table; create table x (a int);";
        var error = await Assert.ThrowsAsync<SchemaPlanner.Errors.SchemaPlannerException>(() => BuildAsync(sql));

        Assert.StartsWith("s.sql(1,13): error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_fragments_never_throw_and_tokens_cover_the_text()
    {
        string[] fragments =
        [
            "create", "table", "index", "unique", "on", "only", "alter", "add", "column", "constraint", "primary", "key",
            "check", "references", "foreign", "exclude", "with", "using", "include", "generated", "always", "as",
            "identity", "sequence", "name", "serial", "not", "null", "is", "set", "search_path", "to", "=", "comment",
            "schema", "authorization", "type", "domain", "view", "function", "begin", "atomic", "case", "end", "trigger",
            "policy", "extension", "if", "exists", "partition", "of", "like", "collate", "cast", "row", "array", "::",
            "(", ")", "[", "]", ",", ".", ";", "t", "\"x y\"", "'s;'", "E'\\''", "$$", "$a$", "--", "/*", "*/", "\"",
            "'", "$1", "1.5", "\r\n", "\n", " ", "é", "😀", "U&\"", "\\c", "set_config", "'search_path'",
        ];
        var random = new Random(20240611);
        for (var round = 0; round < 2000; round++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 40)).Select(_ => fragments[random.Next(fragments.Length)]));

            Assert.Equal(text, string.Concat(SqlLexer.Tokenize(text).Select(t => t.Text)));
            var statements = SqlScript.Split("f.sql", text);
            var locations = DdlLocations.StatementLevel(statements, "statement-level");
            Assert.All(statements, st => Assert.Equal(st.Text, text.Substring(st.Offset, st.Text.Length)));
            Assert.Null(locations.Comment(text));
        }
    }
}
