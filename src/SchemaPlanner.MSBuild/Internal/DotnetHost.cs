namespace SchemaPlanner.MSBuild.Internal;

/// <summary>Finds the <c>dotnet</c> host that runs the CLI: the one running this build when MSBuild says so.</summary>
internal static class DotnetHost
{
    /// <summary>Set by the .NET SDK for tasks to the host running the build.</summary>
    public const string HostPathVariable = "DOTNET_HOST_PATH";

    public static string Find()
    {
        var host = Environment.GetEnvironmentVariable(HostPathVariable);
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder.Trim('"'), fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return fileName;
    }
}
