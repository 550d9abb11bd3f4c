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
    public void Packing_the_solution_produces_exactly_the_tool_and_the_msbuild_packages()
    {
        var names = Directory.EnumerateFiles(packages.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([$"SchemaPlanner.MSBuild.{packages.Version}.nupkg", $"SchemaPlanner.Tool.{packages.Version}.nupkg"], names);
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
    public void Tool_package_carries_the_cli_with_every_project_assembly()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"SchemaPlanner.Tool.{packages.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.All(CliAssemblies.Append("Npgsql.dll"), a => Assert.Contains("tools/net10.0/any/" + a, entries));
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
