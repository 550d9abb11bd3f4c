using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Architecture;

/// <summary>
/// The I/O boundary holds by construction, not by convention: only SchemaPlanner.Postgres talks to PostgreSQL.
/// The model, diff, safety and planning code (SchemaPlanner.Diff) and the rendering (SchemaPlanner.Templates)
/// reference no Npgsql, neither in the compiled assembly nor in the project file.
/// </summary>
public sealed class ProjectBoundaryTests
{
    public static TheoryData<string> PureProjects() => ["SchemaPlanner.Diff", "SchemaPlanner.Templates"];

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void Pure_assemblies_reference_neither_Npgsql_nor_the_Postgres_project(string project)
    {
        var references = AssemblyReferences(project);

        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("SchemaPlanner.Postgres", references);
    }

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void Pure_project_files_have_no_Npgsql_package_reference(string project)
    {
        var packages = PackageReferences(project);

        Assert.DoesNotContain(packages, p => p.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ProjectReferences(project), p => p.Contains("SchemaPlanner.Postgres", StringComparison.Ordinal));
    }

    /// <summary>The readers above see real references: the project that does the I/O shows Npgsql in both.</summary>
    [Fact]
    public void The_Postgres_project_is_where_Npgsql_is_referenced()
    {
        Assert.Contains("Npgsql", AssemblyReferences("SchemaPlanner.Postgres"));
        Assert.Contains("Npgsql", PackageReferences("SchemaPlanner.Postgres"));
    }

    private static List<string> AssemblyReferences(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    private static List<string> PackageReferences(string project) => Items(project, "PackageReference");

    private static List<string> ProjectReferences(string project) => Items(project, "ProjectReference");

    private static List<string> Items(string project, string item)
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot(), "src", project, project + ".csproj");
        return XDocument.Load(path).Descendants(item).Select(e => (string?)e.Attribute("Include") ?? "").ToList();
    }
}
