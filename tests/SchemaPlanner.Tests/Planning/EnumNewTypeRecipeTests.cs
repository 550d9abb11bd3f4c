using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The enum-new-type recipe on real PostgreSQL: labels removed and renamed (mapped by a hint), every step run in
/// order while the "app" keeps writing, the result equal to the desired schema with every row mapped; release 1's
/// down files bring the old type back; an unmapped removed label stops the plan with a message saying what to do.
/// </summary>
public sealed class EnumNewTypeRecipeTests
{
    private const string OldSchema = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
        CREATE TABLE people (
            id serial PRIMARY KEY,
            name text NOT NULL,
            m mood NOT NULL DEFAULT 'ok',
            previous mood,
            history mood[]
        );
        CREATE INDEX people_m_idx ON people (m);
        CREATE INDEX people_happy_idx ON people (id) WHERE m = 'happy';
        CREATE VIEW happy_people AS SELECT id, name FROM people WHERE m = 'happy';
        """;

    private const string Rows = """
        INSERT INTO people (name, m, previous, history)
        SELECT 'person ' || g,
               (ARRAY['sad', 'ok', 'happy', 'ecstatic'])[1 + g % 4]::mood,
               (ARRAY['sad', 'happy', NULL])[1 + g % 3]::mood,
               CASE WHEN g % 5 = 0 THEN ARRAY['sad', 'happy']::mood[] WHEN g % 7 = 0 THEN ARRAY[NULL, 'sad']::mood[] END
          FROM generate_series(1, 2500) g;
        """;

    private const string NewSchema = """
        CREATE TYPE mood AS ENUM ('sad', 'fine', 'happy');
        CREATE TABLE people (
            id serial PRIMARY KEY,
            name text NOT NULL,
            m mood NOT NULL DEFAULT 'fine',
            previous mood,
            history mood[]
        );
        CREATE INDEX people_m_idx ON people (m);
        CREATE INDEX people_happy_idx ON people (id) WHERE m = 'happy';
        CREATE VIEW happy_people AS SELECT id, name FROM people WHERE m = 'happy';
        CREATE TABLE visits (
            id serial PRIMARY KEY,
            person_id integer NOT NULL REFERENCES people,
            m mood NOT NULL DEFAULT 'fine' CHECK (m <> 'sad'),
            seen mood[]
        );
        """;

    private const string Mapping = "CASE m::text WHEN 'ok' THEN 'fine' WHEN 'ecstatic' THEN 'happy' ELSE m::text END";

    private static readonly SchemaPlannerConfig Hinted = new()
    {
        Columns = [new ColumnHint(new QualifiedName("public", "people"), "m", Mapping)],
    };

    [Fact]
    public async Task Removed_and_renamed_labels_move_every_column_to_the_new_type()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema, Hinted);
        Assert.Equal(RecipeNames.EnumNewType, migration.RecipeOf("change enum public.mood"));
        Assert.Equal("part of " + RecipeNames.EnumNewType, migration.RecipeOf("alter column public.people.m"));
        Assert.All(migration.Plan.Releases[0].Steps, s => Assert.NotNull(s.Down));
        await migration.RehearseAsync();

        var db = migration.Database;
        var expected = await db.QueryScalarAsync<string>($"SELECT md5(string_agg(id || ':' || ({Mapping}) || ':' || coalesce(previous::text, '-') || ':' || coalesce(history::text, '-'), ',' ORDER BY id)) FROM people");
        var happy = await db.QueryScalarAsync<long>($"SELECT count(*) FROM people WHERE ({Mapping}) = 'happy'");
        const string actual = "SELECT md5(string_agg(id || ':' || m::text || ':' || coalesce(previous::text, '-') || ':' || coalesce(history::text, '-'), ',' ORDER BY id)) FROM people WHERE id <= 2500";

        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await db.ExecuteAsync("INSERT INTO people (name) VALUES ('app default')"); // 'ok' by default → 'fine'
        await migration.RunAsync(connection, 1, Phase.Backfill);

        // After the backfill: only the trigger maps these.
        await db.ExecuteAsync("INSERT INTO people (name, m, previous) VALUES ('app ecstatic', 'ecstatic', 'sad')");
        await db.ExecuteAsync("UPDATE people SET m = 'ok' WHERE id = 3");
        await db.ExecuteAsync("UPDATE people SET m = 'ok' WHERE id = 3"); // a no-op update must keep the shadow
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);

        // Release 1's app writes labels both types have; the new default applies.
        await db.ExecuteAsync("INSERT INTO people (name, m) VALUES ('app sad', 'sad'); INSERT INTO people (name) VALUES ('app new default')");
        await migration.RunAsync(connection, 2);
        await db.ExecuteAsync("INSERT INTO people (name, m, history) VALUES ('app fine', 'fine', '{fine,sad}')");
        await db.ExecuteAsync("INSERT INTO visits (person_id, seen) VALUES (1, '{fine}')");
        Assert.Equal("fine", await db.QueryScalarAsync<string>("SELECT m::text FROM visits"));
        Assert.Equal("part of " + RecipeNames.EnumNewType, migration.RecipeOf("create table public.visits"));

        await migration.AssertDesiredAsync();
        await db.ExecuteAsync("UPDATE people SET m = 'happy' WHERE id = 3"); // row 3 started as 'happy' (3 % 4 = 3 → 'ecstatic' → 'happy')
        Assert.Equal(expected, await db.QueryScalarAsync<string>(actual));
        Assert.Equal(
            "app default:fine,app ecstatic:happy,app sad:sad,app new default:fine,app fine:fine",
            await db.QueryScalarAsync<string>("SELECT string_agg(name || ':' || m::text, ',' ORDER BY id) FROM people WHERE id > 2500"));
        Assert.Equal("{sad,fine,happy}", await db.QueryScalarAsync<string>("SELECT enum_range(NULL::mood)::text"));
        Assert.Null(await db.QueryScalarAsync<string>("SELECT to_regtype('public.mood_sp_new')::text"));
        Assert.Equal(happy + 1, await db.QueryScalarAsync<long>("SELECT count(*) FROM happy_people"));
    }

    [Fact]
    public async Task Release_1_down_files_bring_back_the_old_type_and_labels()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema, Hinted);
        var db = migration.Database;
        const string digest = "SELECT md5(string_agg(id || ':' || m::text || ':' || coalesce(previous::text, '-') || ':' || coalesce(history::text, '-'), ',' ORDER BY id)) FROM people";
        var before = await db.QueryScalarAsync<string>(digest);

        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        await db.ExecuteAsync("INSERT INTO people (name, m) VALUES ('app sad', 'sad')");
        await migration.RunDownAsync(connection, 1);

        await migration.AssertCurrentAsync();
        Assert.Equal(before, await db.QueryScalarAsync<string>(digest.Replace("FROM people", "FROM people WHERE id <= 2500", StringComparison.Ordinal)));
        Assert.Equal("sad", await db.QueryScalarAsync<string>("SELECT m::text FROM people WHERE name = 'app sad'"));
        Assert.Equal("{sad,ok,happy,ecstatic}", await db.QueryScalarAsync<string>("SELECT enum_range(NULL::mood)::text"));

        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
    }

    [Fact]
    public async Task A_removed_label_still_in_the_rows_without_a_hint_stops_before_the_backfill()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);

        // The app still writes a removed label: the trigger must not break it.
        await db.ExecuteAsync("INSERT INTO people (name, m) VALUES ('app ecstatic', 'ecstatic')");

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Backfill));
        Assert.Contains("public.people.m holds values that are not labels of the new public.mood (sad, fine, happy)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"column\": \"public.people.m\"", error.Message, StringComparison.Ordinal);

        // Verify says the same when it runs.
        var verify = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Verify));
        Assert.Contains("holds values that are not labels", verify.Message, StringComparison.Ordinal);
    }
}
