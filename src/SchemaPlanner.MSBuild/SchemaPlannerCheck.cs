using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SchemaPlanner.MSBuild.Internal;

namespace SchemaPlanner.MSBuild;

/// <summary>
/// Runs <c>schemaplan check --format msbuild</c> as a child process (Npgsql never loads into MSBuild) and turns its
/// <c>path(line,col): error SPxxxx: message</c> lines into MSBuild errors and warnings, and its
/// <c>schemaplan: error: …</c> line into one SP0001 error.
/// </summary>
/// <remarks>
/// The live database's connection string travels in the <c>SCHEMAPLAN_DATABASE</c> environment variable of the child
/// process, never on its command line, and the command line is logged with every connection string masked.
/// </remarks>
public sealed class SchemaPlannerCheck : ToolTask
{
    /// <summary>Environment variable the CLI reads when <c>--database</c> is not given.</summary>
    public const string DatabaseVariable = "SCHEMAPLAN_DATABASE";

    private const string Mask = "***";

    private static readonly string[] FailOnValues = ["unsafe", "any", "none"];

    /// <summary>Path of the CLI's <c>schemaplan.dll</c>, run with the dotnet host.</summary>
    [Required]
    public string CliPath { get; set; } = "";

    /// <summary>Folder of desired DDL, or with <see cref="EfCore"/> the project file (<c>--desired</c>).</summary>
    [Required]
    public string Desired { get; set; } = "";

    /// <summary>
    /// The desired schema is the EF Core model of the <see cref="Desired"/> project, as just built: scripted with
    /// <c>--no-build</c> for <see cref="Configuration"/> and <see cref="Framework"/>.
    /// </summary>
    public bool EfCore { get; set; }

    /// <summary>With <see cref="EfCore"/>: the DbContext (<c>--context</c>).</summary>
    public string? Context { get; set; }

    /// <summary>
    /// With <see cref="EfCore"/>: the startup project (<c>--startup-project</c>), when the DbContext is in another
    /// project (<see cref="Desired"/>, a class library) than the one whose build runs the check.
    /// </summary>
    public string? StartupProject { get; set; }

    /// <summary>With <see cref="EfCore"/>: the build configuration that was built (<c>--configuration</c>).</summary>
    public string? Configuration { get; set; }

    /// <summary>With <see cref="EfCore"/>: the target framework that was built (<c>--framework</c>).</summary>
    public string? Framework { get; set; }

    /// <summary>Live database connection string or snapshot; passed through the environment, never the command line.</summary>
    public string? Database { get; set; }

    /// <summary>Snapshot of production's schema, used when <see cref="Database"/> is empty.</summary>
    public string? Baseline { get; set; }

    /// <summary>Folder of generated plans (<c>--migrations</c>).</summary>
    public string? Migrations { get; set; }

    /// <summary>schemaplan.json (<c>--config</c>).</summary>
    public string? Config { get; set; }

    /// <summary>Server for the scratch database the desired DDL is applied to (<c>--dev-database</c>).</summary>
    public string? DevDatabase { get; set; }

    /// <summary>unsafe (default), any or none.</summary>
    public string? FailOn { get; set; }

    /// <summary>Working directory of the CLI (the project folder), so relative paths in its output resolve.</summary>
    public string? ProjectDirectory { get; set; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <summary>The app's project file (<c>$(MSBuildProjectFullPath)</c>).</summary>
    public string? ProjectFullPath { get; set; }

    /// <summary>
    /// Where diagnostics without a DDL location point: the app's project file rather than these targets (which is
    /// what <see cref="IBuildEngine.ProjectFileOfTaskNode"/> names: the file holding the task's element).
    /// </summary>
    private string? ProjectFile => string.IsNullOrEmpty(ProjectFullPath) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFullPath;

    private string Mode => string.IsNullOrWhiteSpace(FailOn) ? "unsafe" : FailOn!.Trim().ToLowerInvariant();

    protected override string GenerateFullPathToTool() => DotnetHost.Find();

    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(ProjectDirectory) ? null : ProjectDirectory;

    protected override bool ValidateParameters()
    {
        if (!File.Exists(CliPath))
        {
            Log.LogError(null, TaskCodes.BadConfiguration, null, ProjectFile, 0, 0, 0, 0,
                $"the schemaplan CLI was not found at '{CliPath}' (the SchemaPlanner.MSBuild package ships it under tools/cli/; set SchemaPlannerCliPath to override)");
            return false;
        }

        if (EfCore ? !File.Exists(Desired) : !Directory.Exists(Desired))
        {
            Log.LogError(null, TaskCodes.BadConfiguration, null, ProjectFile, 0, 0, 0, 0,
                $"SchemaPlannerDesired: the desired schema folder '{Desired}' does not exist");
            return false;
        }

        if (Array.IndexOf(FailOnValues, Mode) < 0)
        {
            Log.LogError(null, TaskCodes.BadConfiguration, null, ProjectFile, 0, 0, 0, 0,
                $"SchemaPlannerFailOn: '{FailOn}' is not one of unsafe|any|none");
            return false;
        }

        return base.ValidateParameters();
    }

    /// <summary>The command line as logged: connection strings masked. The process gets <see cref="Arguments"/> instead.</summary>
    protected override string GenerateCommandLineCommands() =>
        string.Join(" ", Arguments().Select(a => a.Secret ? Mask : Quote(a.Value)));

    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var startInfo = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);

        // An argument list needs no quoting rules, and the display string above is not the real command line.
        startInfo.Arguments = null;
        startInfo.ArgumentList.Clear();
        foreach (var (value, _) in Arguments())
        {
            startInfo.ArgumentList.Add(value);
        }

        // Set here rather than through ToolTask.EnvironmentVariables, which logs every value it passes.
        if (!string.IsNullOrWhiteSpace(Database))
        {
            startInfo.Environment[DatabaseVariable] = Database;
        }

        // The CLI targets the SDK's own major version; a newer SDK without that runtime may still run it.
        startInfo.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        return startInfo;
    }

    protected override void LogToolCommand(string message) =>
        Log.LogMessage(MessageImportance.Normal, string.IsNullOrWhiteSpace(Database) ? message : $"{DatabaseVariable}={Mask} {message}");

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var line = CliOutputLine.Parse(Redact(singleLine));
        switch (line.Kind)
        {
            case CliLineKind.Diagnostic when line.IsError && Mode != "none":
            case CliLineKind.Failure:
                Log.LogError(null, line.Code, null, FullPath(line.File) ?? ProjectFile, line.Line, line.Column, 0, 0, line.Message);
                break;
            case CliLineKind.Diagnostic:
                Log.LogWarning(null, line.Code, null, FullPath(line.File) ?? ProjectFile, line.Line, line.Column, 0, 0, line.Message);
                break;
            default:
                Log.LogMessage(messageImportance, line.Message);
                break;
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var message = ExitCode == ExitCodes.Unsafe
            ? $"schemaplan check found changes to fail on (SchemaPlannerFailOn={Mode}) that no plan in SchemaPlannerMigrations covers; run 'dotnet schemaplan diff' to see them"
            : $"schemaplan check exited with code {ExitCode} ({ExitCodes.Describe(ExitCode)})";
        Log.LogError(null, TaskCodes.CliFailed, null, ProjectFile, 0, 0, 0, 0, message);
        return false;
    }

    private List<(string Value, bool Secret)> Arguments()
    {
        var arguments = new List<(string Value, bool Secret)> { (CliPath, false), ("check", false) };
        if (string.IsNullOrWhiteSpace(Database) && !string.IsNullOrWhiteSpace(Baseline))
        {
            arguments.Add(("--database", false));
            arguments.Add((Baseline!, false));
        }

        arguments.Add(("--desired", false));
        arguments.Add((Desired, false));
        if (EfCore)
        {
            // The app's build is running this task: its output is what to read, and building it again would recurse.
            arguments.Add(("--no-build", false));
            foreach (var (option, value) in new[] { ("--context", Context), ("--startup-project", StartupProject), ("--configuration", Configuration), ("--framework", Framework) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    arguments.Add((option, false));
                    arguments.Add((value!, false));
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(Config))
        {
            arguments.Add(("--config", false));
            arguments.Add((Config!, false));
        }

        if (!string.IsNullOrWhiteSpace(Migrations))
        {
            arguments.Add(("--migrations", false));
            arguments.Add((Migrations!, false));
        }

        if (!string.IsNullOrWhiteSpace(DevDatabase))
        {
            arguments.Add(("--dev-database", false));
            arguments.Add((DevDatabase!, true));
        }

        arguments.Add(("--format", false));
        arguments.Add(("msbuild", false));
        arguments.Add(("--fail-on", false));
        arguments.Add((Mode, false));
        return arguments;
    }

    /// <summary>
    /// A file the CLI named relative to its working directory (the EF Core script under obj/) as a full path, so
    /// the error is clickable wherever the log is read.
    /// </summary>
    private string? FullPath(string? file) =>
        file is null || string.IsNullOrEmpty(ProjectDirectory) || Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(ProjectDirectory!, file));

    /// <summary>The CLI never prints passwords; this is a second line of defence for the strings the task passed.</summary>
    private string Redact(string text)
    {
        foreach (var secret in new[] { Database, DevDatabase })
        {
            if (!string.IsNullOrWhiteSpace(secret) && secret!.Length > 3)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Quotes for display only (the process gets an argument list).</summary>
    private static string Quote(string argument) =>
        argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"', '\'', ';', '&', '|', '<', '>']) < 0 ? argument : "\"" + argument + "\"";
}
