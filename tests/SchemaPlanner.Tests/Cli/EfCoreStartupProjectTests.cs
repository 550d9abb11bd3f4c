using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// The DbContext in a class library and the design-time package in the app that starts it:
/// <c>--desired Data.csproj --startup-project App.csproj</c> scripts the library's model through the startup project
/// (dotnet ef's own split), and the diff finds the renamed property (without a hint: a drop and an add) as with a single project.
/// </summary>
public sealed class EfCoreStartupProjectTests
{
    [Fact]
    public async Task The_model_of_a_class_library_is_scripted_through_its_startup_project()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(EfCoreAppSource.BaseDdl);
        using var root = new Cli.Folder();
        Directory.CreateDirectory(root.File("Data"));
        Directory.CreateDirectory(root.File("App"));
        EfCoreProject.Scaffold(root.Path, root.File(Path.Combine("Data", "Data.csproj")), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(root.File(Path.Combine("Data", "Model.cs")), EfCoreAppSource.Model);
        File.WriteAllText(root.File(Path.Combine("App", "App.csproj")), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
                <ProjectReference Include="../Data/Data.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(root.File(Path.Combine("App", "Program.cs")), "System.Console.WriteLine(\"app\");\n");
        await EfCoreProject.RunAsync(root.Path, "tool", "restore");

        var diff = Cli.Run(
            "diff", "--database", database.ConnectionString, "--desired", root.File(Path.Combine("Data", "Data.csproj")),
            "--startup-project", root.File(Path.Combine("App", "App.csproj")), "--context", "RenamedDb",
            "--dev-database", server.ConnectionString, "--format", "json");

        Assert.True(diff.Exit is ExitCodes.Ok, $"exit {diff.Exit}: {diff.Err}");
        // Without a rename hint: Name dropped, FullName added (NOT NULL, no default), both unsafe.
        Assert.Contains("\"FullName\"", diff.Out, StringComparison.Ordinal);
        Assert.Contains("\"unsafe\": 2", diff.Out, StringComparison.Ordinal);
        var script = Directory.GetFiles(root.Path, "RenamedDb.sql", SearchOption.AllDirectories);
        Assert.True(script.Length == 1, diff.Err);
        Assert.Contains(Path.Combine("obj", "schemaplan", "RenamedDb.sql"), script[0], StringComparison.Ordinal);
        Assert.Contains("RenamedDb.sql", diff.Out, StringComparison.Ordinal);
    }
}
