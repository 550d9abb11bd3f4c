using Npgsql;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server shared by the whole test run, picked in this order: the server named by
/// <c>SCHEMAPLAN_TEST_DATABASE</c> (a superuser connection string); a throwaway container of
/// <c>SCHEMAPLAN_TEST_DOCKER_IMAGE</c> (default schemaplanner/postgres:15) when <c>SCHEMAPLAN_TEST_DOCKER=1</c>;
/// a <see cref="TemporaryCluster"/> from the local binaries. The last two start on first use and are removed at
/// process exit. Tests never share a database: each takes its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    public const string ExternalServerVariable = "SCHEMAPLAN_TEST_DATABASE";

    /// <summary>Set to 1: the shared server is a container, and container-backed tests fail rather than skip without an engine.</summary>
    public const string DockerVariable = "SCHEMAPLAN_TEST_DOCKER";

    /// <summary>The image of the test containers (default <c>schemaplanner/postgres:15</c>, what scripts/build-postgres-image.sh builds).</summary>
    public const string DockerImageVariable = "SCHEMAPLAN_TEST_DOCKER_IMAGE";

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

    /// <summary>Whether <c>SCHEMAPLAN_TEST_DOCKER=1</c>.</summary>
    public static bool DockerRequested => Environment.GetEnvironmentVariable(DockerVariable) == "1";

    /// <summary>The image test containers are started from.</summary>
    public static string DockerImage =>
        Environment.GetEnvironmentVariable(DockerImageVariable) is { Length: > 0 } image ? image : DockerDevDatabase.DefaultImage(DockerDevDatabase.FallbackMajor);

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

        if (DockerRequested)
        {
            var container = await ScratchContainer.StartAsync(DockerImage, CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new PostgresServer(container.ConnectionString, isExternal: false);
        }

        var cluster = await TemporaryCluster.StartAsync(CancellationToken.None);

        // The cluster also cleans up after itself at exit; disposing here stops it the ordinary way first.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(cluster.ConnectionString, isExternal: false);
    }
}
