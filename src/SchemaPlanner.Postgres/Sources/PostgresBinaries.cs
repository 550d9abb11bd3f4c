using System.Globalization;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// The folder holding the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>)
/// needed to run a throwaway cluster.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>Environment variable that names the folder explicitly; it wins over every other place.</summary>
    public const string BinDirectoryVariable = "SCHEMAPLAN_PG_BIN";

    /// <summary>Where Debian and Ubuntu packages put one folder per major version.</summary>
    internal const string DebianInstallRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    /// <summary>Absolute path of the folder holding the programs.</summary>
    public string BinDirectory { get; }

    public string InitDb => ToolPath(BinDirectory, "initdb");

    public string PgCtl => ToolPath(BinDirectory, "pg_ctl");

    public string Postgres => ToolPath(BinDirectory, "postgres");

    /// <summary>
    /// Looks in <c>SCHEMAPLAN_PG_BIN</c>, then each folder of <c>PATH</c>, then
    /// <c>/usr/lib/postgresql/*/bin</c> (highest major version first).
    /// </summary>
    /// <exception cref="SchemaPlannerException">With <see cref="ErrorKind.Environment"/> when none is usable.</exception>
    public static PostgresBinaries Find() => Find(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Same as <see cref="Find()"/>, reading environment variables through <paramref name="getEnvironmentVariable"/>
    /// so callers (and tests) need not change the process environment.
    /// </summary>
    public static PostgresBinaries Find(Func<string, string?> getEnvironmentVariable) =>
        Find(getEnvironmentVariable, DebianInstallRoot);

    internal static PostgresBinaries Find(Func<string, string?> getEnvironmentVariable, string installRoot)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        // An explicit setting that is wrong is an error of its own: silently using some other
        // installation would hide the mistake.
        var configured = getEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var missing = MissingTools(configured);
            if (missing.Count == 0)
            {
                return new PostgresBinaries(Path.GetFullPath(configured));
            }

            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"{BinDirectoryVariable} is set to '{configured}', but that folder has no {string.Join(", ", missing)}; " +
                $"point it at the folder holding initdb, pg_ctl and postgres (e.g. {DebianInstallRoot}/16/bin), or unset it");
        }

        foreach (var candidate in PathCandidates(getEnvironmentVariable("PATH")).Concat(InstallRootCandidates(installRoot)))
        {
            if (MissingTools(candidate).Count == 0)
            {
                return new PostgresBinaries(Path.GetFullPath(candidate));
            }
        }

        throw new SchemaPlannerException(
            ErrorKind.Environment,
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found; install them (e.g. apt-get install -y postgresql), " +
            $"set {BinDirectoryVariable} to the folder holding them, or pass --dev-database to use an existing server");
    }

    private static IEnumerable<string> PathCandidates(string? path) =>
        string.IsNullOrEmpty(path)
            ? []
            : path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> InstallRootCandidates(string installRoot)
    {
        if (!Directory.Exists(installRoot))
        {
            return [];
        }

        // Folder names are versions ("15", "9.6"): compare them as numbers, not as text.
        return Directory.EnumerateDirectories(installRoot)
            .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
            .OrderByDescending(entry => entry.Version.Major)
            .ThenByDescending(entry => entry.Version.Minor)
            .ThenBy(entry => entry.Directory, StringComparer.Ordinal)
            .Select(entry => Path.Combine(entry.Directory, "bin"))
            .ToList();
    }

    private static (int Major, int Minor) ParseVersion(string name)
    {
        var parts = name.Split('.');
        var major = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMajor) ? parsedMajor : -1;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMinor) ? parsedMinor : 0;
        return (major, minor);
    }

    private static List<string> MissingTools(string directory) =>
        RequiredTools.Where(tool => !IsExecutable(ToolPath(directory, tool))).ToList();

    private static string ToolPath(string directory, string tool) =>
        Path.Combine(directory, OperatingSystem.IsWindows() ? tool + ".exe" : tool);

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
