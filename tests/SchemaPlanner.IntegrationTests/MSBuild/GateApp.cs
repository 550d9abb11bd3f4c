using System.Security;
using SchemaPlanner.IntegrationTests.Infrastructure;
using SchemaPlanner.Tests.Cli;

namespace SchemaPlanner.IntegrationTests.MSBuild;

/// <summary>
/// A small class library in a temporary folder that references the SchemaPlanner.MSBuild package from the test
/// feed: desired DDL in db/schema/ (or, as an EF Core app, the model of <see cref="EfCoreAppSource"/>), plans in
/// db/migrations/, a baseline snapshot in db/baseline.json.
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

    public string Project => Path.Combine(Folder, "GateApp.csproj");

    /// <summary>The folder of the project that holds the DbContext: the app's, or its class library's (Data/).</summary>
    public string ModelFolder { get; private init; } = "";

    /// <summary>The EF Core app's model source.</summary>
    public string ModelFile => Path.Combine(ModelFolder, "Model.cs");

    /// <summary>Where the CLI has dotnet ef script a DbContext of the EF Core app.</summary>
    public string ScriptOf(string context) => Path.Combine(ModelFolder, "obj", "schemaplan", context + ".sql");

    /// <summary>
    /// An EF Core app (<see cref="EfCoreAppSource"/>) with the gate and no SchemaPlannerDesired unless given: the
    /// gate takes the model because the project references EF Core. dotnet-ef is restored from its tool manifest.
    /// </summary>
    /// <param name="modelLibrary">
    /// The DbContext is in a class library, Data/Data.csproj (with the provider's package), that the app references;
    /// the app has the design-time package and the gate, whose SchemaPlannerModelProject names the library.
    /// </param>
    public static async Task<GateApp> CreateEfCoreAsync(PackagesFixture packages, string name, IReadOnlyDictionary<string, string> properties, bool modelLibrary = false)
    {
        var app = Create(packages, name, properties, efCore: true, modelLibrary);
        if (modelLibrary)
        {
            Directory.CreateDirectory(app.ModelFolder);
            File.WriteAllText(Path.Combine(app.ModelFolder, "Data.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
                  <ItemGroup><PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" /></ItemGroup>
                </Project>
                """);
        }

        File.WriteAllText(app.ModelFile, EfCoreAppSource.Model);
        File.WriteAllText(Path.Combine(app.Folder, "dotnet-tools.json"), EfCoreAppSource.ToolManifest(RepositoryLayout.Root));
        var restore = await Dotnet.RunAsync(app.Folder, app.Environment, "tool", "restore");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool restore failed:\n" + restore);
        }

        return app;
    }

    /// <param name="properties">Gate properties for the project file (name → value), besides the defaults below.</param>
    public static GateApp Create(PackagesFixture packages, string name, IReadOnlyDictionary<string, string> properties) =>
        Create(packages, name, properties, efCore: false, modelLibrary: false);

    private static GateApp Create(PackagesFixture packages, string name, IReadOnlyDictionary<string, string> properties, bool efCore, bool modelLibrary)
    {
        var folder = packages.NewFolder(name);
        var app = new GateApp(packages, folder) { ModelFolder = modelLibrary ? Path.Combine(folder, "Data") : folder };
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
        File.WriteAllText(app.Project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
            {(efCore ? "" : "    <SchemaPlannerDesired>db/schema</SchemaPlannerDesired>")}
                <SchemaPlannerMigrations>db/migrations</SchemaPlannerMigrations>
            {string.Join("\n", lines)}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SchemaPlanner.MSBuild" Version="{packages.Version}" PrivateAssets="all" />
            {(modelLibrary ? ModelLibraryReferences : efCore ? EfCoreAppSource.PackageReferences : "")}
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    // The library's sources stay out of the app's compile glob (Data/ is inside the app's folder).
    private const string ModelLibraryReferences = """
            <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
            <ProjectReference Include="Data/Data.csproj" />
            <Compile Remove="Data/**" />
        """;

    /// <summary>Writes one desired DDL file (relative to db/schema/) and returns its full path.</summary>
    public string WriteDesired(string fileName, string sql)
    {
        var path = Path.Combine(SchemaFolder, fileName);
        File.WriteAllText(path, sql.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary><c>dotnet build</c> at normal verbosity, so skipped targets are logged.</summary>
    public Task<ProcessResult> BuildAsync(params string[] extraArguments) =>
        Dotnet.RunAsync(Folder, Environment, ["build", "-v:n", "-nodeReuse:false", .. extraArguments]);

    /// <summary>The CLI built for the packages, in the app's folder and with its packages (a desired EF Core project is built and scripted).</summary>
    public Task<ProcessResult> SchemaplanAsync(params string[] arguments) =>
        Dotnet.RunAsync(Folder, Environment, [packages.CliDll, .. arguments]);

    // SCHEMAPLAN_DATABASE would count as a source of the current schema: only the project decides here. The CLI home
    // is this run's too: dotnet's tool resolver cache (under it) records where a local tool was restored, and an entry
    // pointing into this run's packages folder, deleted afterwards, would break `dotnet ef` for every later run.
    private Dictionary<string, string?> Environment => new()
    {
        ["NUGET_PACKAGES"] = packages.PackagesFolder,
        ["DOTNET_CLI_HOME"] = packages.CliHome,
        ["SCHEMAPLAN_DATABASE"] = null,
    };

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
