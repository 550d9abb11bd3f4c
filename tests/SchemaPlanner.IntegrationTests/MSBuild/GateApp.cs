using System.Security;
using SchemaPlanner.IntegrationTests.Infrastructure;

namespace SchemaPlanner.IntegrationTests.MSBuild;

/// <summary>
/// A small class library in a temporary folder that references the SchemaPlanner.MSBuild package from the test
/// feed: desired DDL in db/schema/, plans in db/migrations/, a baseline snapshot in db/baseline.json.
/// </summary>
public sealed class GateApp
{
    private readonly PackagesFixture packages;

    private GateApp(PackagesFixture packages, string folder)
    {
        this.packages = packages;
        Folder = folder;
    }

    public string Folder { get; }

    public string SchemaFolder => Path.Combine(Folder, "db", "schema");

    public string MigrationsFolder => Path.Combine(Folder, "db", "migrations");

    public string Baseline => Path.Combine(Folder, "db", "baseline.json");

    public string StampFile => Path.Combine(Folder, "obj", "Debug", "net10.0", "SchemaPlanner.check.stamp");

    /// <param name="properties">Gate properties for the project file (name → value), besides the defaults below.</param>
    public static GateApp Create(PackagesFixture packages, string name, IReadOnlyDictionary<string, string> properties)
    {
        var app = new GateApp(packages, packages.NewFolder(name));
        Directory.CreateDirectory(app.SchemaFolder);

        // Stop the search for Directory.Build.* and NuGet settings from reaching folders above the app.
        File.WriteAllText(Path.Combine(app.Folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app.Folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(app.Folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="test-feed" value="{SecurityElement.Escape(packages.Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app.Folder, "Class1.cs"), "namespace GateApp;\n\npublic static class Class1\n{\n}\n");
        var lines = properties.Select(p => $"    <{p.Key}>{SecurityElement.Escape(p.Value)}</{p.Key}>");
        File.WriteAllText(Path.Combine(app.Folder, "GateApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <SchemaPlannerDesired>db/schema</SchemaPlannerDesired>
                <SchemaPlannerMigrations>db/migrations</SchemaPlannerMigrations>
            {string.Join("\n", lines)}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SchemaPlanner.MSBuild" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    /// <summary>Writes one desired DDL file (relative to db/schema/) and returns its full path.</summary>
    public string WriteDesired(string fileName, string sql)
    {
        var path = Path.Combine(SchemaFolder, fileName);
        File.WriteAllText(path, sql.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary><c>dotnet build</c> at normal verbosity, so skipped targets are logged.</summary>
    public Task<ProcessResult> BuildAsync(params string[] extraArguments) =>
        Dotnet.RunAsync(
            Folder,
            // SCHEMAPLAN_DATABASE would count as a source of the current schema: only the project decides here.
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages.PackagesFolder, ["SCHEMAPLAN_DATABASE"] = null },
            ["build", "-v:n", "-nodeReuse:false", .. extraArguments]);

    /// <summary>Writes db/baseline.json: the snapshot of a live database, as production's schema would be recorded.</summary>
    public async Task SnapshotBaselineAsync(string connectionString)
    {
        var result = await packages.SchemaplanAsync(Folder, "snapshot", "--database", connectionString, "--out", Baseline);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("schemaplan snapshot failed:\n" + result);
        }
    }
}
