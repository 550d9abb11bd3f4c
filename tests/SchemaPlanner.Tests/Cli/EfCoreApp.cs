using System.Diagnostics;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// A real EF Core app in a temporary folder (<see cref="EfCoreAppSource"/>), restored once per test class: each
/// model variant is a <c>--context</c> away without editing and rebuilding the app. dotnet-ef is installed from a
/// tool manifest naming the repository's version.
/// </summary>
public sealed class EfCoreApp : IAsyncLifetime
{
    /// <summary>The current schema: the same table as <c>BaseDb</c>, written by hand.</summary>
    public const string BaseDdl = EfCoreAppSource.BaseDdl;

    private readonly Cli.Folder folder = new();

    public string Project => folder.File("App.csproj");

    public string Folder => folder.Path;

    /// <summary>A project beside the app that does not compile (Bad.cs line 3), for the build error.</summary>
    public string BrokenProject => Path.Combine(folder.Path, "Broken", "Broken.csproj");

    public async Task InitializeAsync()
    {
        // Stop the search for Directory.*.props and NuGet settings from reaching folders above the app.
        File.WriteAllText(folder.File("Directory.Build.props"), "<Project />\n");
        File.WriteAllText(folder.File("Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(folder.File("Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(folder.File("nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Project, $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="Broken/**" />
                <None Remove="Broken/**" />
            {{EfCoreAppSource.PackageReferences}}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(folder.File("Model.cs"), EfCoreAppSource.Model);
        File.WriteAllText(folder.File("dotnet-tools.json"), EfCoreAppSource.ToolManifest(RepositoryPaths.RepositoryRoot()));
        Directory.CreateDirectory(folder.File("Broken"));
        File.WriteAllText(BrokenProject, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(folder.Path, "Broken", "Bad.cs"), "namespace Broken;\n\npublic sealed class Bad { int }\n");
        await RunAsync("tool", "restore");
        await RunAsync("build", Project, "-nologo", "-v", "q");
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(" ", arguments)}:\n{await output}\n{await error}");
    }
}
