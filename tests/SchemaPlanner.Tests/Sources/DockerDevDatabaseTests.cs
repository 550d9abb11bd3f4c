using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Cli;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>
/// The <c>--dev-database docker[:IMAGE]</c> spelling, and the one error when there is no way to a scratch server
/// (no local binaries, no <c>--dev-database</c>, no Docker engine). Needs no engine.
/// </summary>
public sealed class DockerDevDatabaseTests
{
    [Theory]
    [InlineData("docker", true, null)]
    [InlineData(" Docker ", true, null)]
    [InlineData("docker:postgres:16", true, "postgres:16")]
    [InlineData("docker:registry.example.com:5000/team/pg:15.6", true, "registry.example.com:5000/team/pg:15.6")]
    [InlineData("Host=docker;Username=postgres", false, null)]
    [InlineData("postgres://docker:5432/db", false, null)]
    [InlineData("dockerhost", false, null)]
    public void Docker_and_docker_image_are_told_from_connection_strings(string devDatabase, bool isDocker, string? image)
    {
        Assert.Equal(isDocker, DockerDevDatabase.IsDocker(devDatabase));
        if (isDocker)
        {
            Assert.Equal(image, DockerDevDatabase.ImageOf(devDatabase));
        }
    }

    [Fact]
    public void Docker_colon_with_no_image_is_bad_input_at_the_command_line()
    {
        var (exit, output, error) = Cli.Cli.Run("diff", "--database", "Host=127.0.0.1;Port=1;Username=u;Database=d", "--desired", "x.sql", "--dev-database", "docker:");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("", output);
        Assert.StartsWith("schemaplan: error: --dev-database \"docker:\" names no image after 'docker:'; write docker", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_binaries_dev_database_or_engine_one_error_names_all_three_ways_out()
    {
        await using var scratch = new ScratchServer(devDatabase: null)
        {
            FindBinaries = () => throw new SchemaPlannerException(ErrorKind.Environment, "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found"),
            DockerAnswers = () => false,
        };

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(() => scratch.CreateDatabaseAsync(CancellationToken.None));

        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Equal(
            "no PostgreSQL server for scratch databases: the PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found and no Docker engine answers; " +
            "install the server binaries (e.g. apt-get install -y postgresql, or set SCHEMAPLAN_PG_BIN to their folder), pass --dev-database CONN to use an existing server, " +
            "or start a Docker engine (then a container is used, see scripts/build-postgres-image.sh)",
            error.Message);
        Assert.Null(scratch.Throwaway);
    }
}
