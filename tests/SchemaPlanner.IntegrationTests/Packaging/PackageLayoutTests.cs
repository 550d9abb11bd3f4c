using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using SchemaPlanner.IntegrationTests.Infrastructure;
using Xunit;

namespace SchemaPlanner.IntegrationTests.Packaging;

/// <summary>What `dotnet pack SchemaPlanner.sln` produces, and that the version lives in one place.</summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class PackageLayoutTests(PackagesFixture packages)
{
    /// <summary>The CLI and the projects it references; a new project must reach both packages.</summary>
    private static readonly string[] CliAssemblies =
        ["schemaplan.dll", "SchemaPlanner.Diff.dll", "SchemaPlanner.Postgres.dll", "SchemaPlanner.Templates.dll"];

    [Fact]
    public void Packing_the_solution_produces_exactly_the_tool_its_runtime_packages_and_the_msbuild_package()
    {
        var names = Directory.EnumerateFiles(packages.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                $"SchemaPlanner.MSBuild.{packages.Version}.nupkg",
                $"SchemaPlanner.Tool.{packages.Version}.nupkg",
                $"SchemaPlanner.Tool.any.{packages.Version}.nupkg",
                $"SchemaPlanner.Tool.linux-x64.{packages.Version}.nupkg",
            ],
            names);
    }

    [Fact]
    public void MSBuild_package_carries_targets_task_and_cli_and_is_a_development_dependency()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"SchemaPlanner.MSBuild.{packages.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/SchemaPlanner.MSBuild.props", entries);
            Assert.Contains($"{folder}/SchemaPlanner.MSBuild.targets", entries);
        }

        Assert.Contains("tasks/net10.0/SchemaPlanner.MSBuild.dll", entries);
        Assert.Contains("tools/cli/schemaplan.dll", entries);
        Assert.Contains("tools/cli/schemaplan.runtimeconfig.json", entries);
        Assert.Contains("tools/cli/Npgsql.dll", entries);
        Assert.All(CliAssemblies, a => Assert.Contains("tools/cli/" + a, entries));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspecStream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void Tool_package_points_at_a_linux_x64_and_a_portable_runtime_package()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"SchemaPlanner.Tool.{packages.Version}.nupkg"));
        using var settingsStream = package.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open();
        var settings = XDocument.Load(settingsStream).Root!;

        var pointers = settings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value, StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["linux-x64"] = "SchemaPlanner.Tool.linux-x64", ["any"] = "SchemaPlanner.Tool.any" }, pointers);
        Assert.DoesNotContain(package.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("linux-x64", true)]
    [InlineData("any", false)]
    public void Runtime_packages_carry_the_cli_with_every_project_assembly_ReadyToRun_only_for_linux_x64(string runtime, bool readyToRun)
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"SchemaPlanner.Tool.{runtime}.{packages.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var folder = $"tools/net10.0/{runtime}/";

        Assert.All(CliAssemblies.Append("Npgsql.dll"), a => Assert.Contains(folder + a, entries));

        // A ReadyToRun image carries a managed native header (the CLI header's ManagedNativeHeader directory).
        using var cli = new MemoryStream();
        using (var stream = package.GetEntry(folder + "schemaplan.dll")!.Open())
        {
            stream.CopyTo(cli);
        }

        cli.Position = 0;
        using var reader = new System.Reflection.PortableExecutable.PEReader(cli);
        Assert.Equal(readyToRun, reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
    }

    [Fact]
    public void Tool_manifest_names_the_version_of_Directory_Build_props()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("schemaplanner.tool");

        Assert.Equal(RepositoryLayout.Version, tool.GetProperty("version").GetString());
        Assert.Equal("schemaplan", tool.GetProperty("commands")[0].GetString());
    }
}
