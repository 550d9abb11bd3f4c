using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A column rename on real PostgreSQL, file by file: what the column carries (unique, check, a foreign key from
/// another table, views reading it) must hold and read right at every boundary of both releases, not only once
/// the plan is done.
/// </summary>
public sealed class RenameColumnWithSyncRecipeTests
{
    [Fact]
    public async Task Unique_check_and_inbound_foreign_key_guard_every_boundary()
    {
        const string old = """
            CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE CHECK (email LIKE '%@%'));
            CREATE TABLE logins (id bigserial PRIMARY KEY, account_email text NOT NULL REFERENCES accounts (email) ON DELETE CASCADE);
            """;
        const string rows = """
            INSERT INTO accounts (email) SELECT 'a' || g || '@example.com' FROM generate_series(1, 1000) g;
            INSERT INTO logins (account_email) SELECT 'a' || (1 + g % 1000) || '@example.com' FROM generate_series(1, 2000) g;
            """;
        const string desired = """
            CREATE TABLE accounts (id bigserial PRIMARY KEY, address text NOT NULL UNIQUE CHECK (address LIKE '%@%'));
            CREATE TABLE logins (id bigserial PRIMARY KEY, account_email text NOT NULL REFERENCES accounts (address) ON DELETE CASCADE);
            """;
        var config = SchemaPlannerConfig.Parse("""{ "hints": [ { "rename": "public.accounts.email", "to": "address" } ] }""", "schemaplan.json");
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired, config);

        // The constraints move with the column: none is planned as a drop or add of its own.
        for (var i = 0; i < migration.Plan.Changes.Count; i++)
        {
            if (migration.Plan.Changes[i].Change is DropConstraint or AddConstraint)
            {
                Assert.Equal("part of " + RecipeNames.RenameColumnWithSync, migration.Plan.ChangeRecipes[i]);
            }
        }

        await migration.RehearseAsync();
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        var n = 0;
        async Task GuardedAsync(StepBoundary at, string column)
        {
            n++;
            await db.ExecuteAsync($"INSERT INTO accounts ({column}) VALUES ('w{n}@example.com')");
            await db.ExecuteAsync($"INSERT INTO logins (account_email) VALUES ('w{n}@example.com')");
            await ExpectAsync(PostgresErrorCodes.UniqueViolation, $"INSERT INTO accounts ({column}) VALUES ('a999@example.com')", column);
            await ExpectAsync(PostgresErrorCodes.CheckViolation, $"INSERT INTO accounts ({column}) VALUES ('no-at-sign-{n}')", column);
            await ExpectAsync(PostgresErrorCodes.ForeignKeyViolation, $"INSERT INTO logins (account_email) VALUES ('nobody{n}@example.com')", column);

            // ON DELETE CASCADE: deleting an account takes its logins with it.
            await db.ExecuteAsync($"DELETE FROM accounts WHERE id = {n}");
            Assert.Equal(0L, await db.QueryScalarAsync<long>($"SELECT count(*) FROM logins WHERE account_email = 'a{n}@example.com'"));

            async Task ExpectAsync(string sqlState, string sql, string through)
            {
                var error = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));
                Assert.True(error.SqlState == sqlState, $"writing through {through}, {sql} failed with {error.SqlState} {error.MessageText}, not {sqlState}");
            }
        }

        await StepBoundaries.RunAsync(migration, connection, 1, async at =>
        {
            if (at.PreviousAppLive)
            {
                await GuardedAsync(at, "email");
            }

            if (at.NewAppLive)
            {
                await GuardedAsync(at, "address");
            }
        });
        await StepBoundaries.RunAsync(migration, connection, 2, at => GuardedAsync(at, "address"));

        await migration.AssertDesiredAsync();
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT convalidated"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM logins l WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.address = l.account_email)"));
        Assert.Equal(1000L, await db.QueryScalarAsync<long>("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task Views_over_the_renamed_column_read_every_row_right_at_every_boundary()
    {
        const string old = """
            CREATE TABLE projects (id bigserial PRIMARY KEY, name text NOT NULL, path text NOT NULL);
            CREATE VIEW project_paths AS SELECT id, path FROM projects;
            CREATE VIEW project_slugs AS SELECT id, path FROM projects;
            CREATE VIEW long_paths AS SELECT id, path FROM project_paths WHERE length(path) > 5;
            """;
        const string rows = "INSERT INTO projects (name, path) SELECT 'Project ' || g, 'group/project-' || g FROM generate_series(1, 1000) g;";

        // project_paths keeps its columns (OR REPLACE can re-point it, and long_paths reading it with it);
        // project_slugs renames one (it must be re-created).
        const string desired = """
            CREATE TABLE projects (id bigserial PRIMARY KEY, name text NOT NULL, slug text NOT NULL);
            CREATE VIEW project_paths AS SELECT id, slug AS path FROM projects;
            CREATE VIEW project_slugs AS SELECT id, slug FROM projects;
            CREATE VIEW long_paths AS SELECT id, path FROM project_paths WHERE length(path) > 5;
            """;
        var config = SchemaPlannerConfig.Parse("""{ "hints": [ { "rename": "public.projects.path", "to": "slug" } ] }""", "schemaplan.json");
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired, config);
        await migration.RehearseAsync();
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        async Task ReadAsync(StepBoundary at)
        {
            foreach (var view in new[] { "project_paths", "project_slugs", "long_paths" })
            {
                // By position: project_slugs' second column changes its name on the way.
                Assert.Equal(1000L, await db.QueryScalarAsync<long>($"SELECT count(*) FROM (SELECT * FROM {view}) AS v (id, p) WHERE p = 'group/project-' || id"));
            }
        }

        Assert.Contains(migration.Steps, s => s.Step.Release == 1 && s.Up.Contains("CREATE OR REPLACE VIEW public.project_paths", StringComparison.Ordinal));
        await StepBoundaries.RunAsync(migration, connection, 1, ReadAsync);
        await StepBoundaries.RunAsync(migration, connection, 2, ReadAsync);
        await migration.AssertDesiredAsync();
    }
}
