using Npgsql;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class ScratchDatabaseTests
{
    [Fact]
    public async Task Create_makes_an_empty_database_and_dispose_drops_it()
    {
        var server = await PostgresServer.GetAsync();

        var scratch = await ScratchDatabase.CreateAsync(server.ConnectionString, CancellationToken.None);
        try
        {
            Assert.StartsWith(ScratchDatabase.NamePrefix, scratch.Name, StringComparison.Ordinal);
            Assert.Matches("^schemaplan_scratch_[0-9a-f]{16}$", scratch.Name);
            Assert.Equal(1L, await CountDatabasesAsync(server, scratch.Name));

            var builder = new NpgsqlConnectionStringBuilder(scratch.ConnectionString);
            Assert.Equal(scratch.Name, builder.Database);

            // Leave a pooled connection idle in the database: dropping must still work.
            await using (var connection = new NpgsqlConnection(scratch.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("select current_database()", connection);
                Assert.Equal(scratch.Name, await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            await scratch.DisposeAsync();
        }

        Assert.Equal(0L, await CountDatabasesAsync(server, scratch.Name));
        await scratch.DisposeAsync();
    }

    [Fact]
    public async Task Drop_disconnects_sessions_still_in_the_database()
    {
        var server = await PostgresServer.GetAsync();
        var scratch = await ScratchDatabase.CreateAsync(server.ConnectionString, CancellationToken.None);

        var builder = new NpgsqlConnectionStringBuilder(scratch.ConnectionString) { Pooling = false };
        await using var busy = new NpgsqlConnection(builder.ConnectionString);
        await busy.OpenAsync();

        await scratch.DropAsync(CancellationToken.None);

        Assert.Equal(0L, await CountDatabasesAsync(server, scratch.Name));
    }

    [Fact]
    public async Task Two_scratch_databases_get_different_names()
    {
        var server = await PostgresServer.GetAsync();

        await using var first = await ScratchDatabase.CreateAsync(server.ConnectionString, CancellationToken.None);
        await using var second = await ScratchDatabase.CreateAsync(server.ConnectionString, CancellationToken.None);

        Assert.NotEqual(first.Name, second.Name);
    }

    private static async Task<long> CountDatabasesAsync(PostgresServer server, string name)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
