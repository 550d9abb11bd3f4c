using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Diffing;

/// <summary>
/// A rename is one change: the constraints, indexes and owned sequences whose names follow the renamed table ride
/// along as followers (no unsafe drop/add pairs), the DDL renames them, and a rename that also changes the
/// column's type lists the rewrite's hazards too. On real catalogs.
/// </summary>
public sealed class RenameFollowerTests
{
    private const string Posts = """
        CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, author_id integer, CONSTRAINT posts_title_check CHECK (title <> ''));
        CREATE INDEX posts_title_idx ON posts (title);
        CREATE INDEX recent_idx ON posts (id DESC);
        CREATE TABLE comments (id serial PRIMARY KEY, post_id integer REFERENCES posts);
        INSERT INTO posts (title) VALUES ('a'), ('b');
        INSERT INTO comments (post_id) VALUES (1);
        """;

    private const string Articles = """
        CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, author_id integer, CONSTRAINT articles_title_check CHECK (title <> ''));
        CREATE INDEX articles_title_idx ON articles (title);
        CREATE INDEX recent_idx ON articles (id DESC);
        CREATE TABLE comments (id serial PRIMARY KEY, post_id integer REFERENCES articles);
        """;

    private static async Task<(SchemaModel From, SchemaModel To, TestDatabase Old)> ReadAsync(string oldSql, string newSql)
    {
        var server = await PostgresServer.GetAsync();
        var old = await server.CreateDatabaseAsync(oldSql);
        await using var desired = await server.CreateDatabaseAsync(newSql);
        var from = (await SchemaReader.ReadAsync(old.ConnectionString, CancellationToken.None)).Model;
        var to = (await SchemaReader.ReadAsync(desired.ConnectionString, CancellationToken.None)).Model;
        return (from, to, old);
    }

    [Fact]
    public async Task A_column_rename_carries_the_indexes_and_constraints_on_it_and_its_ddl_reaches_the_new_schema()
    {
        const string oldSql = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, note text,
                CONSTRAINT accounts_email_key UNIQUE (email), CONSTRAINT email_shape CHECK (email LIKE '%@%' AND note <> 'email'));
            CREATE INDEX accounts_email_idx ON accounts (lower(email)) WHERE email <> '';
            CREATE INDEX accounts_note_idx ON accounts (note);
            CREATE TABLE logins (id bigint PRIMARY KEY, account_email text REFERENCES accounts (email) ON DELETE CASCADE);
            INSERT INTO accounts VALUES (1, 'a@x', 'n');
            INSERT INTO logins VALUES (1, 'a@x');
            """;
        const string newSql = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, address text NOT NULL, note text,
                CONSTRAINT accounts_address_key UNIQUE (address), CONSTRAINT email_shape CHECK (address LIKE '%@%' AND note <> 'email'));
            CREATE INDEX accounts_address_idx ON accounts (lower(address)) WHERE address <> '';
            CREATE INDEX accounts_note_idx ON accounts (note);
            CREATE TABLE logins (id bigint PRIMARY KEY, account_email text REFERENCES accounts (address) ON DELETE CASCADE);
            """;
        var (from, to, old) = await ReadAsync(oldSql, newSql);
        await using var _ = old;
        var hint = new RenameHint(new QualifiedName("public", "accounts"), "email", "address");

        // One change: the unique key, the check (whose string literal 'email' stays as it is), the expression index
        // and the other table's foreign key follow the column; the index on another column is not touched.
        var diff = SchemaDiffer.Diff(from, to, [hint]);
        var rename = Assert.IsType<RenameColumn>(Assert.Single(diff.Changes));
        Assert.Equal(
            ["constraint accounts_email_key -> accounts_address_key", "constraint email_shape", "constraint logins_account_email_fkey on public.logins", "index accounts_email_idx -> accounts_address_idx"],
            rename.Followers.Select(f => f.ToString()).Order(StringComparer.Ordinal));

        var context = ClassificationContext.Create(from, to, diff.Changes, 150000, [], new PlannerSettings { SmallTableRows = 0 });
        Assert.Equal(["SP2004"], Assert.Single(Classifier.Classify(diff.Changes, context, [])).Hazards.Select(h => h.Rule));

        // In place, RENAME COLUMN carries them; the DDL renames the ones whose names follow.
        await using (var connection = new NpgsqlConnection(old.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var statement in BuiltInSql.Ddl.Statements(rename, from, to))
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        var after = (await SchemaReader.ReadAsync(old.ConnectionString, CancellationToken.None)).Model;
        Assert.True(SchemaDiffer.Diff(after, to).IsEmpty, string.Join("; ", SchemaDiffer.Diff(after, to).Changes.Select(c => c.Describe())));
    }

    [Fact]
    public async Task An_index_on_a_renamed_column_that_changes_besides_the_name_stays_a_drop_and_an_add()
    {
        var (from, to, old) = await ReadAsync(
            "CREATE TABLE t (id bigint PRIMARY KEY, a int); CREATE INDEX t_a_idx ON t (a);",
            "CREATE TABLE t (id bigint PRIMARY KEY, b int); CREATE INDEX t_b_idx ON t (b DESC);");
        await using var _ = old;
        var diff = SchemaDiffer.Diff(from, to, [new RenameHint(new QualifiedName("public", "t"), "a", "b")]);
        Assert.Empty(diff.Changes.OfType<RenameColumn>().Single().Followers);
        Assert.Single(diff.Changes.OfType<DropIndex>());
        Assert.Single(diff.Changes.OfType<AddIndex>());
    }

    [Fact]
    public async Task A_table_rename_is_one_change_with_its_followers_and_its_ddl_reaches_the_new_schema()
    {
        var (from, to, old) = await ReadAsync(Posts, Articles);
        await using var _ = old;
        var hint = new RenameHint(new QualifiedName("public", "posts"), null, "articles");

        var diff = SchemaDiffer.Diff(from, to, [hint]);
        var rename = Assert.IsType<RenameTable>(Assert.Single(diff.Changes));
        Assert.Equal(
            ["constraint posts_pkey -> articles_pkey", "constraint posts_title_check -> articles_title_check", "index posts_title_idx -> articles_title_idx", "sequence posts_id_seq -> articles_id_seq"],
            rename.Followers.Select(f => f.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("(with constraint posts_pkey -> articles_pkey", rename.Describe(), StringComparison.Ordinal);

        // Only the rename's own hazard: no index drop, no primary key build.
        var context = ClassificationContext.Create(from, to, diff.Changes, 150000, [], new PlannerSettings { SmallTableRows = 0 });
        var classified = Assert.Single(Classifier.Classify(diff.Changes, context, []));
        Assert.Equal(["SP1002"], classified.Hazards.Select(h => h.Rule));

        // The plain DDL renames the followers too: the database then reads back as the desired schema.
        await using (var connection = new NpgsqlConnection(old.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var statement in BuiltInSql.Ddl.Statements(rename, from, to))
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        var after = (await SchemaReader.ReadAsync(old.ConnectionString, CancellationToken.None)).Model;
        Assert.True(SchemaDiffer.Diff(after, to).IsEmpty, string.Join("; ", SchemaDiffer.Diff(after, to).Changes.Select(c => c.Describe())));
        Assert.Equal(3L, await old.QueryScalarAsync<long>("SELECT nextval('articles_id_seq')"));
    }

    [Fact]
    public async Task A_follower_that_also_changes_stays_a_drop_and_add()
    {
        // The index changes shape as well as name: that is a real rebuild, not a follower.
        var (from, to, old) = await ReadAsync(Posts, Articles.Replace("articles_title_idx ON articles (title)", "articles_title_idx ON articles (lower(title))", StringComparison.Ordinal));
        await using var _ = old;
        var diff = SchemaDiffer.Diff(from, to, [new RenameHint(new QualifiedName("public", "posts"), null, "articles")]);
        var rename = Assert.IsType<RenameTable>(diff.Changes.Single(c => c is RenameTable));
        Assert.DoesNotContain(rename.Followers, f => f.Kind == "index");
        Assert.Contains(diff.Changes, c => c is DropIndex { Index.Name: "posts_title_idx" });
        Assert.Contains(diff.Changes, c => c is AddIndex { Index.Name: "articles_title_idx" });
    }

    [Fact]
    public async Task A_rename_that_also_changes_the_type_lists_the_rewrite_hazard_too()
    {
        var (from, to, old) = await ReadAsync(
            "CREATE TABLE t (id serial PRIMARY KEY, n integer NOT NULL);",
            "CREATE TABLE t (id serial PRIMARY KEY, amount bigint NOT NULL);");
        await using var _ = old;
        var diff = SchemaDiffer.Diff(from, to, [new RenameHint(new QualifiedName("public", "t"), "n", "amount")]);
        var context = ClassificationContext.Create(from, to, diff.Changes, 150000, [], new PlannerSettings { SmallTableRows = 0 });
        var classified = Assert.Single(Classifier.Classify(diff.Changes, context, []));
        Assert.IsType<RenameColumn>(classified.Change);
        Assert.Contains(classified.Hazards, h => h.Rule == "SP2004");
        Assert.Contains(classified.Hazards, h => h.Rule == "SP2005");
    }
}
