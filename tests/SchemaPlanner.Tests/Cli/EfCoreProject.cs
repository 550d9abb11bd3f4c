using System.Diagnostics;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// A real EF Core project in a temporary folder, shielded from the repository's build settings, with dotnet-ef
/// from a tool manifest naming the repository's version; <see cref="RunAsync"/> runs <c>dotnet</c> in it.
/// </summary>
internal static class EfCoreProject
{
    public const string PackageReferences = EfCoreAppSource.PackageReferences;

    /// <summary>Writes the shields, the tool manifest and <paramref name="project"/> (a .csproj's text) as <paramref name="projectFile"/>.</summary>
    public static void Scaffold(string folder, string projectFile, string project)
    {
        // Stop the search for Directory.*.props and NuGet settings from reaching folders above the app.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(projectFile, project);
        File.WriteAllText(Path.Combine(folder, "dotnet-tools.json"), EfCoreAppSource.ToolManifest(RepositoryPaths.RepositoryRoot()));
    }

    /// <summary>Runs <c>dotnet</c> in <paramref name="folder"/>; fails the test unless it exits 0. Returns its stdout and stderr.</summary>
    public static Task<string> RunAsync(string folder, params string[] arguments) => RunAsync(folder, succeed: true, arguments);

    /// <summary>Like <see cref="RunAsync(string, string[])"/>, but fails the test unless the command fails.</summary>
    public static Task<string> RunFailingAsync(string folder, params string[] arguments) => RunAsync(folder, succeed: false, arguments);

    /// <summary>Runs <paramref name="executable"/> (e.g. a migration bundle) in <paramref name="folder"/>; fails the test unless it exits 0.</summary>
    public static Task<string> RunExecutableAsync(string folder, string executable, params string[] arguments) => RunAsync(folder, succeed: true, arguments, executable);

    private static async Task<string> RunAsync(string folder, bool succeed, string[] arguments, string executable = "dotnet")
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        Assert.True(process.ExitCode == 0 == succeed, $"exit {process.ExitCode}: {executable} {string.Join(" ", arguments)}:\n{await output}\n{await error}");
        return await output + await error;
    }
}
