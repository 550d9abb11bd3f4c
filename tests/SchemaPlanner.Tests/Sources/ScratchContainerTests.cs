using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

[CollectionDefinition(DockerEngine.Category, DisableParallelization = true)]
public sealed class DockerCollection;

/// <summary>
/// Scratch databases in a throwaway container (<c>--dev-database docker</c>, and the stand-in for missing local
/// binaries) on a real Docker engine: the container serves PostgreSQL with a password, and disposing removes it.
/// </summary>
[Collection(DockerEngine.Category)]
[Trait("Category", DockerEngine.Category)]
public sealed class ScratchContainerTests
{
    [DockerFact]
    public async Task Docker_dev_database_makes_scratch_databases_in_a_container_that_dispose_removes()
    {
        string id;
        await using (var scratch = new ScratchServer(DockerDevDatabase.Keyword + ":" + PostgresServer.DockerImage))
        {
            await using var database = await scratch.CreateDatabaseAsync(CancellationToken.None);
            var container = Assert.IsType<ScratchContainer>(scratch.Throwaway);
            id = container.Id;
            Assert.True(await DockerEngine.ExistsAsync(id));
            Assert.Equal(PostgresServer.DockerImage, container.Image);

            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            Assert.False(string.IsNullOrEmpty(builder.Password));
            Assert.Equal("/var/lib/postgresql/data", await ScalarAsync(database.ConnectionString, "SELECT current_setting('data_directory')"));

            // The password is required: host connections to the container are not trusted.
            builder.Password = "wrong";
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(builder.ConnectionString, "SELECT 1"));
            Assert.Equal(ConnectionErrors.InvalidPassword, refused.SqlState);
        }

        Assert.False(await DockerEngine.ExistsAsync(id));
    }

    [DockerFact]
    public async Task Without_local_binaries_a_container_stands_in_and_says_so()
    {
        using var notices = new StringWriter();
        string id;
        await using (var scratch = new ScratchServer(devDatabase: null)
        {
            Notices = notices,
            PgVersionNumber = VersionOf(PostgresServer.DockerImage),
            FindBinaries = () => throw new SchemaPlannerException(ErrorKind.Environment, "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found"),
        })
        {
            await using var database = await scratch.CreateDatabaseAsync(CancellationToken.None);
            id = Assert.IsType<ScratchContainer>(scratch.Throwaway).Id;
            Assert.Equal("/var/lib/postgresql/data", await ScalarAsync(database.ConnectionString, "SELECT current_setting('data_directory')"));
        }

        Assert.Equal(
            $"schemaplan: no local PostgreSQL server binaries were found; using a throwaway Docker container ({PostgresServer.DockerImage}) for scratch databases",
            notices.ToString().Trim());
        Assert.DoesNotContain("assword", notices.ToString(), StringComparison.Ordinal);
        Assert.False(await DockerEngine.ExistsAsync(id));
    }

    [DockerFact]
    public async Task A_missing_default_image_is_one_error_naming_the_build_script_and_starts_nothing()
    {
        var before = await DockerEngine.ScratchContainersAsync();
        await using var scratch = new ScratchServer(DockerDevDatabase.Keyword) { PgVersionNumber = 990000 };
        var error = await Assert.ThrowsAsync<SchemaPlannerException>(() => scratch.CreateDatabaseAsync(CancellationToken.None));
        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Equal(
            "the Docker image schemaplanner/postgres:99 is not on this engine; build it with scripts/build-postgres-image.sh 99 (no registry needed), " +
            "or name an image: --dev-database docker:IMAGE (e.g. docker:postgres:16)",
            error.Message);
        Assert.Null(scratch.Throwaway);
        Assert.Equal(before, await DockerEngine.ScratchContainersAsync());
    }

    [DockerFact]
    public async Task A_container_that_never_serves_postgres_is_removed_and_reported()
    {
        var before = await DockerEngine.ScratchContainersAsync();

        // An entrypoint of `false` exits at once, so PostgreSQL never answers.
        var error = await Assert.ThrowsAsync<SchemaPlannerException>(() => StartFailingAsync());
        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.StartsWith($"could not start a PostgreSQL container from image {PostgresServer.DockerImage}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DockerEngine.ScratchContainersAsync());
    }

    private static async Task StartFailingAsync()
    {
        await using var container = await ScratchContainer.StartAsync(PostgresServer.DockerImage, CancellationToken.None, entrypoint: ["false"]);
    }

    private static int VersionOf(string image) =>
        int.TryParse(image[(image.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var major) ? major * 10000 : 150000;

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
