using Npgsql;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server shared by the whole test run: the server named by
/// <c>SCHEMAPLAN_TEST_DATABASE</c> (a superuser connection string) when set, otherwise a
/// <see cref="TemporaryCluster"/> started on first use and removed at process exit.
/// Tests never share a database: each takes its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    public const string ExternalServerVariable = "SCHEMAPLAN_TEST_DATABASE";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string connectionString, bool isExternal)
    {
        ConnectionString = connectionString;
        IsExternal = isExternal;
    }

    /// <summary>Connection string for the server's administrative database, as a superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server came from <c>SCHEMAPLAN_TEST_DATABASE</c> rather than a throwaway cluster.</summary>
    public bool IsExternal { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database for one test and runs <paramref name="sqlToRun"/> in it, if given.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string? sqlToRun = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(ConnectionString, cancellationToken);
        if (sqlToRun is null)
        {
            return database;
        }

        try
        {
            await database.ExecuteAsync(sqlToRun, cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the roles (NOLOGIN, no attributes) that fixtures grant to or name in policies, unless they exist.
    /// Roles belong to the whole server, so every test that needs one shares it.
    /// </summary>
    public async Task EnsureRolesAsync(IEnumerable<string> roles)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var role in roles)
        {
            await using var command = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE \"{role.Replace("\"", "\"\"", StringComparison.Ordinal)}\"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
                connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(ConnectionStrings.Normalize(external), isExternal: true);
        }

        var cluster = await TemporaryCluster.StartAsync(CancellationToken.None);

        // The cluster also cleans up after itself at exit; disposing here stops it the ordinary way first.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(cluster.ConnectionString, isExternal: false);
    }
}
