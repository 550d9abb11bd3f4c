using System.Security.Cryptography;
using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>
/// Desired DDL that grants to, gives objects to or writes policies for roles of the live server: the throwaway
/// cluster gets those roles (NOLOGIN, nothing else); a <c>--dev-database</c> is left alone and a missing role is
/// one error naming it, its file and its line.
/// </summary>
public sealed class ScratchRolesTests
{
    private static string Desired(string reader, string owner) => $"""
        CREATE TABLE t (id int PRIMARY KEY, body text);
        GRANT SELECT ON t TO {reader};
        ALTER TABLE t OWNER TO {owner};
        ALTER TABLE t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY readers ON t FOR SELECT TO {reader} USING (true);
        """;

    [Fact]
    public async Task The_throwaway_cluster_gets_the_live_roles_the_desired_sql_names_and_nothing_else()
    {
        var server = await PostgresServer.GetAsync();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var (reader, owner) = ("sp_reader_" + suffix, "Sp Owner \"" + suffix);
        await using var live = await server.CreateDatabaseAsync();
        await using var roles = await LiveRoles.CreateAsync(server, reader, owner);
        using var folder = new SchemaPlanner.Tests.Cli.Cli.Folder(("schema.sql", Desired(reader, Sql.Quote(owner))), ("more.sql", "CREATE TABLE u (id int);\nGRANT SELECT ON u TO sp_not_live_" + suffix + ";\n"));

        await using var scratch = new ScratchServer(devDatabase: null, rolesFrom: live.ConnectionString);
        var loaded = await SchemaSources.LoadAsync(Path.Combine(folder.Path, "schema.sql"), scratch, CancellationToken.None);

        var table = Assert.Single(loaded.Schema.Model.Tables);
        Assert.Contains(reader + ":SELECT", table.Privileges);
        Assert.Equal([reader], Assert.Single(table.Policies).Roles.ToArray());

        // On the cluster: the two roles, neither able to log in, without password or attributes.
        var check = await scratch.CreateDatabaseAsync(CancellationToken.None);
        await using (check)
        {
            await using var connection = new NpgsqlConnection(check.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_authid WHERE rolname = ANY($1) AND NOT (rolcanlogin OR rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls) AND rolpassword IS NULL",
                connection)
            {
                Parameters = { new NpgsqlParameter { Value = new[] { reader, owner } } },
            };
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }

        // A role the live server does not have either is still the one clear error.
        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => SchemaSources.LoadAsync(Path.Combine(folder.Path, "more.sql"), scratch, CancellationToken.None));
        Assert.Equal(ErrorKind.DdlError, error.Kind);
        Assert.Matches($@"more\.sql\(2,1\): error: role ""sp_not_live_{suffix}"" does not exist; roles belong to the whole server", error.Message);
    }

    [Fact]
    public async Task A_dev_database_is_never_given_roles_and_a_missing_one_is_one_error_naming_it()
    {
        var server = await PostgresServer.GetAsync();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var reader = "sp_reader_" + suffix;
        await using var live = await server.CreateDatabaseAsync();
        await using var roles = await LiveRoles.CreateAsync(server, reader);
        await using var dev = await TemporaryCluster.StartAsync(CancellationToken.None);
        using var folder = new SchemaPlanner.Tests.Cli.Cli.Folder(("schema.sql", Desired(reader, reader)));

        await using var scratch = new ScratchServer(devDatabase: dev.ConnectionString, rolesFrom: live.ConnectionString);
        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => SchemaSources.LoadAsync(Path.Combine(folder.Path, "schema.sql"), scratch, CancellationToken.None));

        Assert.Matches($@"schema\.sql\(2,1\): error: role ""{reader}"" does not exist; roles belong to the whole server.+--dev-database", error.Message);
        await using var connection = new NpgsqlConnection(dev.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = $1", connection) { Parameters = { new NpgsqlParameter { Value = reader } } };
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    /// <summary>Roles on the shared test server standing for production's, with attributes the copies must not get.</summary>
    private sealed class LiveRoles(PostgresServer server, string[] names) : IAsyncDisposable
    {
        public static async Task<LiveRoles> CreateAsync(PostgresServer server, params string[] names)
        {
            foreach (var name in names)
            {
                await RunAsync(server, $"CREATE ROLE {Sql.Quote(name)} LOGIN CREATEDB PASSWORD 'secret-{Guid.NewGuid():N}'");
            }

            return new LiveRoles(server, names);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var name in names)
            {
                await RunAsync(server, $"DROP ROLE IF EXISTS {Sql.Quote(name)}");
            }
        }

        private static async Task RunAsync(PostgresServer server, string sql)
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
