namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>Where test data lives: the repository root, the acceptance case folders, the shared peer fixtures.</summary>
internal static class RepositoryPaths
{
    private static readonly string[] CasesFolder = ["tests", "SchemaPlanner.Tests", "Acceptance", "Cases"];

    private static readonly string[] MigraFolder = ["shared", "conformance", "migra"];

    private static readonly string[] PgSchemaDiffFolder = ["shared", "conformance", "pg-schema-diff"];

    /// <summary>The repository root: the first ancestor of the test assembly holding SchemaPlanner.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaPlanner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SchemaPlanner.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The case folders are read from the source tree (not copied to bin) so that golden updates land there.</summary>
    public static string CasesRoot() => Path.Combine([RepositoryRoot(), .. CasesFolder]);

    /// <summary>
    /// The peer fixtures live in <c>shared/conformance/migra</c> beside the checkout (here /work/shared next to
    /// /work/main): walk up from the test assembly, looking in each ancestor and beside it.
    /// </summary>
    public static string MigraRoot() => SharedFolder(MigraFolder);

    /// <summary>The pg-schema-diff acceptance cases, found the same way as <see cref="MigraRoot"/>.</summary>
    public static string PgSchemaDiffRoot() => SharedFolder(PgSchemaDiffFolder);

    private static string SharedFolder(string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine([directory.FullName, .. parts]), Path.Combine([directory.FullName, "..", .. parts]) })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("no " + string.Join('/', parts) + " found above " + AppContext.BaseDirectory + " or beside any of its ancestors");
    }
}
