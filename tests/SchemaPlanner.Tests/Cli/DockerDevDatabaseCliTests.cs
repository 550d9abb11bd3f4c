using System.Text.Json;
using SchemaPlanner.Sources;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// <c>schemaplan diff --dev-database docker</c> end to end on a real Docker engine: the desired SQL is applied in a
/// throwaway container (the SQL itself checks it runs there) that is given the live roles the SQL names, and the
/// container is gone afterwards, also after an error in the desired SQL and after Ctrl+C.
/// </summary>
[Collection(DockerEngine.Category)]
[Trait("Category", DockerEngine.Category)]
public sealed class DockerDevDatabaseCliTests
{
    // Fails to apply anywhere but in a container of the test image (whose data directory this is).
    private const string InContainer =
        "DO $$ BEGIN IF current_setting('data_directory') <> '/var/lib/postgresql/data' THEN RAISE EXCEPTION 'not in the container: %', current_setting('data_directory'); END IF; END $$;\n";

    [DockerFact]
    public async Task Diff_with_dev_database_docker_applies_the_desired_sql_in_a_container_and_removes_it()
    {
        // The grant names a role of the live server only: the container must be given it, as the throwaway cluster is.
        var server = await PostgresServer.GetAsync();
        await server.EnsureRolesAsync(["schemaplan_docker_reader"]);
        const string Grant = "GRANT SELECT ON customers TO schemaplan_docker_reader;\n";
        await using var live = await server.CreateDatabaseAsync("CREATE TABLE customers (id bigint PRIMARY KEY);\n" + Grant);
        using var folder = new Cli.Folder(("schema.sql", InContainer + "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n" + Grant + "CREATE TABLE orders (id bigint PRIMARY KEY);\n"));
        var before = await DockerEngine.ScratchContainersAsync();

        var (exit, output, error) = Cli.Run("diff", "--database", live.ConnectionString, "--desired", folder.Path, "--dev-database", DevDatabase(), "--format", "json");

        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => c.GetProperty("kind").GetString() + " " + c.GetProperty("object").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["add_column public.customers.name", "create_table public.orders"], changes);
        Assert.DoesNotContain("assword", output + error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await DockerEngine.ScratchContainersAsync());
    }

    [DockerFact]
    public async Task An_error_in_the_desired_sql_is_reported_with_its_place_and_the_container_is_removed()
    {
        var server = await PostgresServer.GetAsync();
        await using var live = await server.CreateDatabaseAsync();
        using var folder = new Cli.Folder(("bad.sql", InContainer + "CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE TABLE u (x nosuchtype);\n"));
        var before = await DockerEngine.ScratchContainersAsync();

        var (exit, output, error) = Cli.Run("diff", "--database", live.ConnectionString, "--desired", folder.Path, "--dev-database", DevDatabase());

        Assert.Equal(ExitCodes.DdlError, exit);
        Assert.Equal("", output);
        Assert.Matches(@"^schemaplan: error: .+bad\.sql\(3,19\): error: type ""nosuchtype"" does not exist\n?$", error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(before, await DockerEngine.ScratchContainersAsync());
    }

    [DockerFact]
    public async Task Ctrl_c_while_the_container_is_in_use_removes_it()
    {
        var server = await PostgresServer.GetAsync();
        await using var live = await server.CreateDatabaseAsync();
        using var folder = new Cli.Folder(("slow.sql", InContainer + "CREATE TABLE t (id bigint PRIMARY KEY);\nSELECT pg_sleep(120);\n"));
        var before = await DockerEngine.ScratchContainersAsync();
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Ctrl+C in the CLI cancels this token (Program.Main); it is cancelled once the container exists.
        var run = Task.Run(() => Program.Run(["diff", "--database", live.ConnectionString, "--desired", folder.Path, "--dev-database", DevDatabase()], stdout, stderr, stop.Token));
        IReadOnlySet<string> during;
        do
        {
            await Task.Delay(200);
            during = await DockerEngine.ScratchContainersAsync();
        }
        while (!during.Except(before).Any() && !run.IsCompleted);

        Assert.False(run.IsCompleted, stderr.ToString());
        await stop.CancelAsync();
        var exit = await run;

        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}: {stderr}");
        Assert.Equal("schemaplan: cancelled", stderr.ToString().Trim());
        Assert.Equal(before, await DockerEngine.ScratchContainersAsync());
    }

    /// <summary>Plain <c>docker</c> when its default image (the live server's major) is the test image, else that image named.</summary>
    private static string DevDatabase() =>
        PostgresServer.DockerImage == DockerDevDatabase.DefaultImage(DockerDevDatabase.FallbackMajor)
            ? DockerDevDatabase.Keyword
            : DockerDevDatabase.Keyword + ":" + PostgresServer.DockerImage;
}
