using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A table rename on real PostgreSQL, file by file. <c>ALTER TABLE … RENAME</c> keeps everything that points at
/// the table by OID (foreign keys from other tables, its own indexes, constraints and sequences), so none of it
/// may be dropped and re-created: the foreign key must guard, and cascade, at every boundary.
/// </summary>
public sealed class RenameTableWithViewRecipeTests
{
    [Fact]
    public async Task Foreign_keys_to_the_renamed_table_stay_and_cascade_at_every_boundary()
    {
        const string old = """
            CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, parent_id integer REFERENCES posts ON DELETE CASCADE);
            CREATE INDEX posts_title_idx ON posts (title);
            CREATE TABLE comments (id serial PRIMARY KEY, post_id integer NOT NULL REFERENCES posts ON DELETE CASCADE, body text);
            CREATE INDEX comments_post_id_idx ON comments (post_id);
            """;
        const string rows = """
            INSERT INTO posts (title) SELECT 'Title ' || g FROM generate_series(1, 1000) g;
            INSERT INTO comments (post_id, body) SELECT 1 + g % 1000, 'Comment ' || g FROM generate_series(1, 3000) g;
            """;
        const string desired = """
            CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, parent_id integer REFERENCES articles ON DELETE CASCADE);
            CREATE INDEX articles_title_idx ON articles (title);
            CREATE TABLE comments (id serial PRIMARY KEY, post_id integer NOT NULL REFERENCES articles ON DELETE CASCADE, body text);
            CREATE INDEX comments_post_id_idx ON comments (post_id);
            """;
        var config = SchemaPlannerConfig.Parse("""{ "hints": [ { "rename": "public.posts", "to": "articles" } ] }""", "schemaplan.json");
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired, config);
        for (var i = 0; i < migration.Plan.Changes.Count; i++)
        {
            if (migration.Plan.Changes[i].Change is not RenameTable)
            {
                Assert.Equal("part of " + RecipeNames.RenameTableWithView, migration.Plan.ChangeRecipes[i]);
            }
        }

        await migration.RehearseAsync();
        var db = migration.Database;
        const string keys = "SELECT string_agg(oid::text, ',' ORDER BY oid) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND convalidated";
        var keysBefore = await db.QueryScalarAsync<string>(keys);
        await using var connection = await migration.OpenAsync();
        var n = 0;
        async Task AppAsync(StepBoundary at, string table)
        {
            n++;
            Assert.Equal(keysBefore, await db.QueryScalarAsync<string>(keys));
            await db.ExecuteAsync($"DELETE FROM {table} WHERE id = {n}");
            Assert.Equal(0L, await db.QueryScalarAsync<long>($"SELECT count(*) FROM comments WHERE post_id = {n}"));
            var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("INSERT INTO comments (post_id, body) VALUES (100000, 'orphan')"));
            Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        }

        // The old app uses posts (a view from the rename on), the new one articles (once it exists).
        await StepBoundaries.RunAsync(migration, connection, 1, async at =>
        {
            if (at.PreviousAppLive)
            {
                await AppAsync(at, "posts");
            }

            if (at.NewAppLive)
            {
                await AppAsync(at, "articles");
            }
        });
        await StepBoundaries.RunAsync(migration, connection, 2, at => AppAsync(at, "articles"));

        await migration.AssertDesiredAsync();
        Assert.Equal(keysBefore, await db.QueryScalarAsync<string>(keys));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.post_id)"));
    }
}
