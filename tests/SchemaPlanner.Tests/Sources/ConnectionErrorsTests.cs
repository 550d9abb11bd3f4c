using System.Net;
using System.Net.Sockets;
using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class ConnectionErrorsTests
{
    private const string Secret = "Sup3r-Secret-Pa55";

    [Fact]
    public async Task Nothing_listening_on_the_port_is_a_connection_error()
    {
        var port = UnusedPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={Secret};Database=postgres;Timeout=5";

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => ScratchDatabase.CreateAsync(connectionString, CancellationToken.None));

        Assert.Equal(ErrorKind.Connection, error.Kind);
        Assert.StartsWith($"cannot connect to 127.0.0.1:{port}/postgres: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check the connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Role_that_cannot_log_in_is_an_authentication_error()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();
        var role = database.Name + "_nologin";
        await database.ExecuteAsync($"CREATE ROLE {role} NOLOGIN PASSWORD '{Secret}'");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                Username = role,
                Password = Secret,
                Pooling = false,
            }.ConnectionString;

            var error = await Assert.ThrowsAsync<SchemaPlannerException>(
                () => ScratchDatabase.CreateAsync(connectionString, CancellationToken.None));

            Assert.Equal(ErrorKind.Authentication, error.Kind);
            Assert.Equal(ConnectionErrors.InvalidAuthorization, error.SqlState);
            Assert.StartsWith($"login failed for user {role} on ", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("; check the user name and password", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await database.ExecuteAsync($"DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task Missing_database_is_a_connection_error_with_its_sqlstate()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Database = "schemaplan_no_such_database",
            Password = Secret,
        }.ConnectionString;

        await using var connection = new NpgsqlConnection(connectionString);
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.True(ConnectionErrors.IsConnectionFailure(thrown));
        var error = ConnectionErrors.Translate(thrown, connectionString);
        Assert.Equal(ErrorKind.Connection, error.Kind);
        Assert.Equal("3D000", error.SqlState);
        Assert.Contains("/schemaplan_no_such_database: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_failure_inside_npgsql_exception_is_a_connection_error()
    {
        var exception = new NpgsqlException("Failed to connect to db.example.com:6543", new SocketException((int)SocketError.ConnectionRefused));

        var error = ConnectionErrors.Translate(exception, $"postgres://alice:{Secret}@db.example.com:6543/app");

        Assert.Equal(ErrorKind.Connection, error.Kind);
        Assert.Equal(
            $"cannot connect to db.example.com:6543/app: {new SocketException((int)SocketError.ConnectionRefused).Message}; check the connection string",
            error.Message);
        Assert.Same(exception, error.InnerException);
    }

    [Fact]
    public void Timeout_is_a_connection_error_that_says_how_long()
    {
        var exception = new NpgsqlException("Exception while connecting", new TimeoutException());

        var error = ConnectionErrors.Translate(exception, "Host=db;Username=u;Timeout=7");

        Assert.Equal(ErrorKind.Connection, error.Kind);
        Assert.Equal("cannot connect to db:5432/u: timed out after 7 s; check the connection string", error.Message);
    }

    [Theory]
    [InlineData("28P01")]
    [InlineData("28000")]
    public void Login_failures_are_authentication_errors(string sqlState)
    {
        var exception = new PostgresException("password authentication failed for user \"alice\"", "FATAL", "FATAL", sqlState);

        var error = ConnectionErrors.Translate(exception, $"Host=db.example.com;Port=6543;Username=alice;Password={Secret}");

        Assert.Equal(ErrorKind.Authentication, error.Kind);
        Assert.Equal(sqlState, error.SqlState);
        Assert.Equal(
            "login failed for user alice on db.example.com:6543 (password authentication failed for user \"alice\"); check the user name and password",
            error.Message);
    }

    [Fact]
    public void Password_is_scrubbed_even_when_a_message_repeats_it()
    {
        var exception = new NpgsqlException($"weird failure mentioning {Secret}", new IOException("stream closed"));

        var error = ConnectionErrors.Translate(exception, $"Host=db;Username=u;Password={Secret}");

        Assert.Equal(ErrorKind.Connection, error.Kind);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("stream closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_errors_are_not_connection_failures()
    {
        Assert.False(ConnectionErrors.IsConnectionFailure(new PostgresException("relation \"t\" does not exist", "ERROR", "ERROR", "42P01")));
        Assert.False(ConnectionErrors.IsConnectionFailure(new InvalidOperationException()));
        Assert.True(ConnectionErrors.IsConnectionFailure(new PostgresException("too many", "FATAL", "FATAL", "53300")));
        Assert.True(ConnectionErrors.IsConnectionFailure(new NpgsqlException("x", new SocketException())));
    }

    [Fact]
    public void Translate_keeps_an_already_translated_exception()
    {
        var original = new SchemaPlannerException(ErrorKind.Environment, "x");

        Assert.Same(original, ConnectionErrors.Translate(original, "Host=db"));
    }

    [Theory]
    [InlineData("Host=db.example.com;Port=6543;Username=alice;Password=" + Secret + ";Database=app", "db.example.com:6543/app user=alice")]
    [InlineData("postgres://alice:" + Secret + "@db.example.com/app", "db.example.com:5432/app user=alice")]
    [InlineData("Host=::1;Username=alice", "[::1]:5432/alice user=alice")]
    [InlineData("Host=a:5432,b:5433;Username=alice;Database=app", "a:5432,b:5433/app user=alice")]
    public void Describe_names_the_target_without_the_password(string connectionString, string expected)
    {
        Assert.Equal(expected, ConnectionErrors.Describe(connectionString));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
