using System.Diagnostics;
using System.Text;
using SchemaPlanner.Analysis;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// An EF Core project as the desired schema. The model is scripted by EF Core's own generator
/// (<c>dotnet ef dbcontext script</c>), never reimplemented here, into the project's
/// <c>obj/schemaplan/&lt;context&gt;.sql</c>; that script is then read like any desired DDL file, so locations
/// (and the diagnostics that cite them) point at a file the user can open.
/// </summary>
public static class EfCoreModel
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static bool IsProject(string spec) =>
        ProjectExtensions.Any(e => spec.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && File.Exists(spec);

    /// <summary>
    /// Builds the (startup) project, then has <c>dotnet ef</c> write the script; returns its path. The build runs
    /// first on its own so that a compile error is reported with its file and line (<c>dotnet ef</c> only says
    /// "Build failed"), with the build gate off: it would check the model this very call is reading (and fail on
    /// the unsafe change the user is about to plan). <see cref="EfCoreSelection.NoBuild"/> skips the build. Any
    /// failure is one <see cref="SchemaPlannerException"/> carrying the tool's own message.
    /// </summary>
    public static async Task<string> ScriptAsync(string project, EfCoreSelection selection, CancellationToken cancellationToken)
    {
        var projectPath = Path.GetFullPath(project);
        var folder = Path.GetDirectoryName(projectPath)!;
        var name = selection.Context ?? Path.GetFileNameWithoutExtension(projectPath);
        var script = Path.Combine(folder, "obj", "schemaplan", SafeFileName(name) + ".sql");
        var built = selection.StartupProject is { } startup ? Path.GetFullPath(startup) : projectPath;

        List<string> buildOptions = [];
        if (selection.Configuration is { } configuration)
        {
            buildOptions.AddRange(["--configuration", configuration]);
        }

        if (selection.Framework is { } framework)
        {
            buildOptions.AddRange(["--framework", framework]);
        }

        if (!selection.NoBuild)
        {
            var build = await RunAsync(folder, ["build", built, "-nologo", "-v", "q", "-clp:NoSummary", "-p:SchemaPlannerEnabled=false", .. buildOptions], cancellationToken).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{project}: the EF Core project does not build:\n{Errors(build.Output, build.Error, ": error ")}");
            }
        }

        List<string> arguments = ["ef", "dbcontext", "script", "--no-build", "--project", projectPath, "--output", script, .. buildOptions];
        if (selection.Context is { } context)
        {
            arguments.AddRange(["--context", context]);
        }

        if (selection.StartupProject is not null)
        {
            arguments.AddRange(["--startup-project", built]);
        }

        var ef = await RunAsync(folder, arguments, cancellationToken).ConfigureAwait(false);
        if (ef.ExitCode != 0)
        {
            var message = Errors(ef.Output, ef.Error, null);
            var missingTool = message.Contains("dotnet-ef does not exist", StringComparison.Ordinal)
                || message.Contains("specified command or file was not found", StringComparison.Ordinal);
            throw missingTool
                ? new SchemaPlannerException(
                    ErrorKind.Environment,
                    $"{project}: the dotnet-ef tool is not installed; add it to the project's tool manifest (dotnet new tool-manifest; dotnet tool install dotnet-ef), then run dotnet tool restore:\n{message}")
                : new SchemaPlannerException(ErrorKind.InvalidInput, $"{project}: dotnet ef dbcontext script failed:\n{message}");
        }

        return Path.GetRelativePath(Directory.GetCurrentDirectory(), script);
    }

    /// <summary>The lines that say what went wrong: those containing <paramref name="marker"/> when given, else stderr, else all output.</summary>
    private static string Errors(string output, string error, string? marker)
    {
        var lines = (output + "\n" + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var picked = marker is null
            ? error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        return string.Join("\n", (picked.Length > 0 ? picked : lines).Select(l => "  " + l));
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));

    private sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs the dotnet host in <paramref name="folder"/> (so the project's own tool manifest is found). The
    /// MSBuild variables of whatever started us (a test host, a build) are left out: they belong to another build.
    /// </summary>
    private static async Task<Result> RunAsync(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        lock (output)
        {
            lock (error)
            {
                return new Result(process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
