using SchemaPlanner.Configuration;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A column split in two (<c>user</c> → <c>name</c> + <c>surname</c>, hints both ways): the triggers that keep the
/// shapes in step are created by several recipes, and every one of them must work from the moment it exists, so
/// the app version still running can write at every boundary between files, not only after the backfill.
/// </summary>
public sealed class SplitColumnRecipeTests
{
    private const string Old = """
        CREATE TABLE users (id bigserial PRIMARY KEY, "user" text NOT NULL, email text NOT NULL);
        """;

    private const string Rows = """
        INSERT INTO users ("user", email) SELECT 'First' || g || ' Last' || g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g;
        """;

    private const string New = """
        CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL, surname text NOT NULL, email text NOT NULL);
        """;

    private const string Hints = """
        { "hints": [
            { "column": "public.users.name", "using": "split_part(\"user\", ' ', 1)" },
            { "column": "public.users.surname", "using": "split_part(\"user\", ' ', 2)" },
            { "column": "public.users.\"user\"", "using": "name || ' ' || surname" }
        ] }
        """;

    [Fact]
    public async Task Both_app_versions_write_at_every_boundary_of_release_1()
    {
        await using var migration = await PlannedMigration.CreateAsync(Old, Rows, New, SchemaPlannerConfig.Parse(Hints, "schemaplan.json"));
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        var n = 0;
        await StepBoundaries.RunAsync(migration, connection, 1, async at =>
        {
            n++;
            if (at.PreviousAppLive)
            {
                await db.ExecuteAsync($"""INSERT INTO users ("user", email) VALUES ('Old{n} Insert{n}', 'old{n}@example.com')""");
                await db.ExecuteAsync($"""UPDATE users SET "user" = 'Old{n} Update{n}' WHERE id = {n}""");
            }

            if (at.NewAppLive)
            {
                await db.ExecuteAsync($"INSERT INTO users (name, surname, email) VALUES ('New{n}', 'Insert{n}', 'new{n}@example.com')");
                await db.ExecuteAsync($"UPDATE users SET name = 'New{n}', surname = 'Update{n}' WHERE id = {500 + n}");
                if (at.PreviousAppLive)
                {
                    // What the previous version reads of the new version's writes.
                    Assert.Equal($"New{n} Insert{n}", await db.QueryScalarAsync<string>($"""SELECT "user" FROM users WHERE email = 'new{n}@example.com'"""));
                    Assert.Equal($"New{n} Update{n}", await db.QueryScalarAsync<string>($"""SELECT "user" FROM users WHERE id = {500 + n}"""));
                }
            }
        });

        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        var newWrites = await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE 'new%'");
        Assert.Equal(newWrites, await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE 'new%' AND name = 'New' || substr(email, 4, strpos(email, '@') - 4) AND surname = 'Insert' || substr(email, 4, strpos(email, '@') - 4)"));
        Assert.Equal(newWrites, await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE id > 500 AND name = 'New' || (id - 500) AND surname = 'Update' || (id - 500)"));

        // Every boundary before the deploy finished had an old-app write, each kept in the new shape.
        var oldWrites = await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE 'old%'");
        Assert.True(oldWrites > 2, "the old app wrote at " + oldWrites + " boundaries only");
        Assert.Equal(oldWrites, await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE 'old%' AND name = 'Old' || substr(email, 4, strpos(email, '@') - 4) AND surname = 'Insert' || substr(email, 4, strpos(email, '@') - 4)"));
        Assert.Equal(oldWrites, await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE id <= 500 AND name = 'Old' || id AND surname = 'Update' || id"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE id <= 1000 AND name LIKE 'First%' AND (name <> 'First' || id OR surname <> 'Last' || id)"));
    }
}
