using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// While an enum moves to a new type (a label removed), its name must always name the type its columns have:
/// casts (<c>'open'::ticket_status</c>), parameters typed with the enum by name and ORM enum mappings resolve the
/// type by name, so a window where the columns have <c>ticket_status_sp_new</c> breaks every write of them.
/// After every step file, a fresh client (which resolves type names anew, as a reconnected app does) casts,
/// inserts with a parameter typed by name, and reads back.
/// </summary>
public sealed class EnumTypeNameTests
{
    private const string OldSchema = """
        CREATE TYPE ticket_status AS ENUM ('open', 'pending', 'closed');
        CREATE TABLE tickets (id serial PRIMARY KEY, title text NOT NULL, status ticket_status NOT NULL DEFAULT 'open');
        CREATE TABLE ticket_events (id serial PRIMARY KEY, ticket_id integer NOT NULL REFERENCES tickets, status ticket_status);
        CREATE VIEW open_tickets AS SELECT id, title FROM tickets WHERE status = 'open';
        """;

    private const string Rows = """
        INSERT INTO tickets (title, status) SELECT 't' || g, (ARRAY['open', 'pending', 'closed'])[1 + g % 3]::ticket_status FROM generate_series(1, 1500) g;
        INSERT INTO ticket_events (ticket_id, status) SELECT g, (ARRAY['open', 'pending', NULL])[1 + g % 3]::ticket_status FROM generate_series(1, 1500) g;
        """;

    private const string NewSchema = """
        CREATE TYPE ticket_status AS ENUM ('open', 'closed');
        CREATE TABLE tickets (id serial PRIMARY KEY, title text NOT NULL, status ticket_status NOT NULL DEFAULT 'open');
        CREATE TABLE ticket_events (id serial PRIMARY KEY, ticket_id integer NOT NULL REFERENCES tickets, status ticket_status);
        CREATE VIEW open_tickets AS SELECT id, title FROM tickets WHERE status = 'open';
        """;

    private static readonly SchemaPlannerConfig Hinted = new()
    {
        Columns =
        [
            new ColumnHint(new QualifiedName("public", "tickets"), "status", "CASE status::text WHEN 'pending' THEN 'open' ELSE status::text END"),
            new ColumnHint(new QualifiedName("public", "ticket_events"), "status", "CASE status::text WHEN 'pending' THEN 'open' ELSE status::text END"),
        ],
    };

    [Fact]
    public async Task The_enum_name_names_the_columns_type_after_every_step()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema, Hinted);
        await using var connection = await migration.OpenAsync();
        var checkedSteps = 0;
        foreach (var step in migration.Steps.OrderBy(s => s.Step.Release).ThenBy(s => s.Step.Phase))
        {
            await SchemaPlanner.Planning.Execution.StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            await AppWritesByTypeNameAsync(migration.Database.ConnectionString, step.UpPath);
            checkedSteps++;
        }

        Assert.True(checkedSteps > 5, "the plan has too few steps to be the enum recipe");
        await migration.AssertDesiredAsync();
        Assert.Equal("{open,closed}", await migration.Database.QueryScalarAsync<string>("SELECT enum_range(NULL::ticket_status)::text"));
        Assert.Equal(0L, await migration.Database.QueryScalarAsync<long>("SELECT count(*) FROM pg_type WHERE typname LIKE 'ticket_status_sp_%'"));
    }

    [Fact]
    public async Task Release_1_down_files_give_the_name_back_to_the_old_type()
    {
        await using var migration = await PlannedMigration.CreateAsync(OldSchema, Rows, NewSchema, Hinted);
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        foreach (var step in migration.Steps.Where(s => s.Step.Release == 1).Reverse())
        {
            await SchemaPlanner.Planning.Execution.StepRunner.RunFileAsync(connection, step.DownPath, step.Down, step.Step.Transactional, CancellationToken.None);
            await AppWritesByTypeNameAsync(migration.Database.ConnectionString, step.DownPath);
        }

        await migration.AssertCurrentAsync();
        Assert.Equal("{open,pending,closed}", await migration.Database.QueryScalarAsync<string>("SELECT enum_range(NULL::ticket_status)::text"));
        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
    }

    /// <summary>What an app does with the enum, on a client that has just connected (its type names resolved now).</summary>
    private static async Task AppWritesByTypeNameAsync(string connectionString, string after)
    {
        await using var source = new NpgsqlDataSourceBuilder(connectionString).Build();
        await using var app = await source.OpenConnectionAsync();
        try
        {
            await using (var cast = new NpgsqlCommand("SELECT 'open'::ticket_status::text", app))
            {
                Assert.Equal("open", await cast.ExecuteScalarAsync());
            }

            await using (var literal = new NpgsqlCommand("INSERT INTO tickets (title, status) VALUES ('cast', 'closed'::ticket_status)", app))
            {
                await literal.ExecuteNonQueryAsync();
            }

            await using (var typed = new NpgsqlCommand("INSERT INTO tickets (title, status) VALUES ('typed', $1) RETURNING id", app))
            {
                typed.Parameters.Add(new NpgsqlParameter { Value = "open", DataTypeName = "ticket_status" });
                var id = (int)(await typed.ExecuteScalarAsync())!;
                await using var events = new NpgsqlCommand("INSERT INTO ticket_events (ticket_id, status) VALUES ($1, $2)", app);
                events.Parameters.Add(new NpgsqlParameter { Value = id });
                events.Parameters.Add(new NpgsqlParameter { Value = "closed", DataTypeName = "ticket_status" });
                await events.ExecuteNonQueryAsync();

                await using var read = new NpgsqlCommand("SELECT t.status::text || '/' || e.status::text FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id WHERE t.id = $1", app);
                read.Parameters.Add(new NpgsqlParameter { Value = id });
                Assert.Equal("open/closed", await read.ExecuteScalarAsync());
            }

            await using (var filter = new NpgsqlCommand("SELECT count(*) FROM tickets WHERE status = $1", app))
            {
                filter.Parameters.Add(new NpgsqlParameter { Value = "closed", DataTypeName = "ticket_status" });
                Assert.True((long)(await filter.ExecuteScalarAsync())! > 0);
            }
        }
        catch (PostgresException ex)
        {
            throw new Xunit.Sdk.XunitException($"after {Path.GetFileName(after)}: {ex.SqlState}: {ex.MessageText}");
        }
    }
}
