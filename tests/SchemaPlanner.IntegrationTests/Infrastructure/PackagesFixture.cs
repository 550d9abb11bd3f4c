using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.IntegrationTests.Infrastructure;

/// <summary>
/// Packs the repository's solution once per test run into a temporary feed, with a unique prerelease version so
/// that no package cached by an earlier run is reused, and builds it in its own artifacts folder so that the
/// repository's bin/obj (and other people's builds of them) are left alone.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    private readonly TemporaryFolder root = new("schemaplan-it");

    public string Version { get; } = $"{RepositoryLayout.Version}-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public string Feed => root.Combine("feed");

    /// <summary>NUGET_PACKAGES for the app builds: a global packages folder of this run only.</summary>
    public string PackagesFolder => root.Combine("packages");

    public string Artifacts => root.Combine("artifacts");

    /// <summary>DOTNET_CLI_HOME for the app builds and their local tools (see <see cref="MSBuild.GateApp"/>).</summary>
    public string CliHome => root.Combine("cli-home");

    /// <summary>The CLI as built for the packages (run with <c>dotnet</c>).</summary>
    public string CliDll { get; private set; } = "";

    public ProcessResult PackResult { get; private set; } = null!;

    public PostgresServer Server { get; private set; } = null!;

    public string NewFolder(string name)
    {
        var folder = root.Combine("apps", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        var serverTask = PostgresServer.GetAsync();
        PackResult = await Dotnet.RunAsync(
            RepositoryLayout.Root,
            null,
            "pack", Path.Combine(RepositoryLayout.Root, "SchemaPlanner.sln"),
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Artifacts,
            $"-p:Version={Version}",
            "-nodeReuse:false");
        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the solution failed:\n" + PackResult);
        }

        CliDll = Directory.EnumerateFiles(Path.Combine(Artifacts, "bin"), "schemaplan.dll", SearchOption.AllDirectories)
            .FirstOrDefault(f => f.Contains("SchemaPlanner.Tool", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no schemaplan.dll under {Artifacts}/bin");
        Server = await serverTask;
    }

    /// <summary>Runs the CLI built for the packages.</summary>
    public Task<ProcessResult> SchemaplanAsync(string workingDirectory, params string[] arguments) =>
        Dotnet.RunAsync(workingDirectory, null, [CliDll, .. arguments]);

    public Task DisposeAsync()
    {
        root.Dispose();
        return Task.CompletedTask;
    }
}
