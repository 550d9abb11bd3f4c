using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// A real EF Core app in a temporary folder (<see cref="EfCoreAppSource"/>), restored once per test class: each
/// model variant is a <c>--context</c> away without editing and rebuilding the app. dotnet-ef is installed from a tool manifest naming the repository's version.
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
        EfCoreProject.Scaffold(folder.Path, Project, $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="Broken/**" />
                <None Remove="Broken/**" />
                {{EfCoreProject.PackageReferences}}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(folder.File("Model.cs"), EfCoreAppSource.Model);
        Directory.CreateDirectory(folder.File("Broken"));
        File.WriteAllText(BrokenProject, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(folder.Path, "Broken", "Bad.cs"), "namespace Broken;\n\npublic sealed class Bad { int }\n");
        await EfCoreProject.RunAsync(folder.Path, "tool", "restore");
        await EfCoreProject.RunAsync(folder.Path, "build", Project, "-nologo", "-v", "q");
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
