using System.Text.RegularExpressions;

namespace SchemaPlanner.IntegrationTests.Infrastructure;

/// <summary>Where the repository under test is, and the version written in its one place.</summary>
public static partial class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>&lt;Version&gt; from Directory.Build.props.</summary>
    public static string Version { get; } = VersionPattern().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("Directory.Build.props has no <Version>");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SchemaPlanner.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"SchemaPlanner.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"<Version>\s*([^<\s]+)\s*</Version>")]
    private static partial Regex VersionPattern();
}
