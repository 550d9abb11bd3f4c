using SchemaPlanner.Configuration;
using SchemaPlanner.Planning;
using Xunit;
using Xunit.Abstractions;
using static SchemaPlanner.Tests.Rehearsal.BrokenPlanRehearsal;
using static SchemaPlanner.Tests.Rehearsal.Steps;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// A table a <c>copy</c> hint fills holds the source's rows, not rows the traffic wrote: the rehearsal checks them
/// against the source (every target row holds what the hint gives while the copy trigger runs), so a plan that
/// copies the wrong value fails, naming the row. (The acceptance case <c>move_column_to_new_table</c> rehearses the
/// correct plan.)
/// </summary>
public sealed class CopyHintRehearsalTests(ITestOutputHelper output)
{
    private const string Current = """
        CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL, phone text);
        """;

    private const string Desired = """
        CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE user_phones (user_id bigint PRIMARY KEY REFERENCES users (id), phone text NOT NULL);
        """;

    private static readonly SchemaPlannerConfig Config = SchemaPlannerConfig.Parse(
        """{ "hints": [ { "copy": "public.users", "into": "public.user_phones", "columns": { "user_id": "id", "phone": "phone" }, "where": "phone IS NOT NULL" } ] }""",
        "schemaplan.json");

    [Fact]
    public async Task A_copy_that_changes_the_values_breaks_rows_and_values()
    {
        // The trigger has the name the plan gives it, so the rehearsal knows the copy is live; it and the backfill
        // append a suffix the hint never asked for.
        const string create = """
            CREATE TABLE user_phones (user_id bigint PRIMARY KEY REFERENCES users (id), phone text NOT NULL);
            CREATE FUNCTION schemaplan_sync_users_copy_user_phones() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                IF NEW.phone IS NOT NULL THEN
                    INSERT INTO user_phones VALUES (NEW.id, NEW.phone || '-x') ON CONFLICT (user_id) DO UPDATE SET phone = EXCLUDED.phone;
                END IF;
                RETURN NULL;
            END
            $f$;
            CREATE TRIGGER schemaplan_sync_users_copy_user_phones AFTER INSERT OR UPDATE ON users
                FOR EACH ROW EXECUTE FUNCTION schemaplan_sync_users_copy_user_phones();
            """;
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_create_user_phones.sql", create, "DROP TABLE user_phones; DROP FUNCTION schemaplan_sync_users_copy_user_phones() CASCADE;"),
            Up(1, Phase.Backfill, "002_backfill.sql", "INSERT INTO user_phones SELECT id, phone || '-x' FROM users WHERE phone IS NOT NULL ON CONFLICT DO NOTHING;"),
        ],
        config: Config);
        output.WriteLine(message);
        Assert.Contains(Broken("rows and values") + "public.user_phones: the row with key (", message);
        Assert.Contains("does not hold what the copy from public.users gives", message);
    }
}
