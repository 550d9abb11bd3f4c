using SchemaPlanner.IntegrationTests.Infrastructure;
using Xunit;

namespace SchemaPlanner.IntegrationTests.Packaging;

/// <summary>
/// The README's local-tool commands in a fresh copy of the repository: pack the tool into the feed folder that
/// nuget.config names, `dotnet tool restore`, `dotnet schemaplan --help`.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class ToolManifestTests
{
    [Fact]
    public async Task Tool_restore_then_dotnet_schemaplan_works_in_a_fresh_copy_of_the_repository()
    {
        using var temp = new TemporaryFolder("schemaplan-clone");
        var clone = temp.Combine("repo");
        await CopyWorkingTreeAsync(RepositoryLayout.Root, clone);

        // Packs restore through the clone's nuget.config: its feed folder must exist before anything is packed.
        var pack = await Dotnet.RunAsync(clone, null, "pack", "src/SchemaPlanner.Tool", "-c", "Release", "-o", "feed", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.True(File.Exists(Path.Combine(clone, "feed", $"SchemaPlanner.Tool.{RepositoryLayout.Version}.nupkg")), pack.ToString());

        // A global packages folder and a CLI home of its own (the local-tool resolver cache lives there), so that
        // neither a stale cached tool is used nor this build left behind for the user's own `dotnet schemaplan`.
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = temp.Combine("packages"),
            ["DOTNET_CLI_HOME"] = temp.Combine("cli-home"),
        };
        var restore = await Dotnet.RunAsync(clone, environment, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        // On linux-x64 the restore picks the ReadyToRun runtime package, elsewhere the portable one.
        var runtime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64" ? "linux-x64" : "any";
        Assert.True(Directory.Exists(temp.Combine("packages", $"schemaplanner.tool.{runtime}", RepositoryLayout.Version)), restore.ToString());

        var help = await Dotnet.RunAsync(clone, environment, "schemaplan", "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("check", help.Output, StringComparison.Ordinal);
        Assert.Contains("snapshot", help.Output, StringComparison.Ordinal);
    }

    /// <summary>What a clone would hold once everything in the working tree is committed: tracked and untracked, not ignored files.</summary>
    private static async Task CopyWorkingTreeAsync(string repository, string destination)
    {
        var list = await GitAsync(repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        foreach (var relative in list.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(repository, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    private static async Task<string> GitAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(" ", arguments)} failed");
        return output;
    }
}
