namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>Where test data lives: the repository root, the acceptance case folders, the shared migra fixtures.</summary>
internal static class RepositoryPaths
{
    private static readonly string[] CasesFolder = ["tests", "SchemaPlanner.Tests", "Acceptance", "Cases"];

    private static readonly string[] MigraFolder = ["shared", "conformance", "migra"];

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
    public static string MigraRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine([directory.FullName, .. MigraFolder]), Path.Combine([directory.FullName, "..", .. MigraFolder]) })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("no shared/conformance/migra found above " + AppContext.BaseDirectory + " or beside any of its ancestors");
    }
}
