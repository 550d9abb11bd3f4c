using System.ComponentModel;
using System.Diagnostics;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Runs the programs of a throwaway cluster (<c>initdb</c>, <c>pg_ctl</c>, <c>chown</c>) with a time limit and
/// their output captured. PostgreSQL refuses to run as root, so as root its programs run as the <c>postgres</c>
/// OS user through <c>runuser</c>, from a working directory that user can enter.
/// </summary>
internal sealed class ClusterProcessRunner
{
    /// <summary>PostgreSQL refuses to run as root; this OS account runs it instead.</summary>
    public const string ServiceAccount = "postgres";

    private readonly string workingDirectory;

    public ClusterProcessRunner(string workingDirectory, bool runAsServiceAccount)
    {
        this.workingDirectory = workingDirectory;
        RunsAsServiceAccount = runAsServiceAccount;
    }

    public bool RunsAsServiceAccount { get; }

    public static bool IsRoot() =>
        !OperatingSystem.IsWindows()
        && (string.Equals(Environment.UserName, "root", StringComparison.Ordinal) || Environment.IsPrivilegedProcess);

    /// <summary>A PostgreSQL program, run as the service account when this process is root.</summary>
    public ProcessStartInfo Postgres(string fileName, IEnumerable<string> arguments) => Tool(fileName, arguments, RunsAsServiceAccount);

    public ProcessStartInfo Tool(string fileName, IEnumerable<string> arguments, bool asServiceAccount)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,

            // The caller's working directory may be one the service account cannot enter.
            WorkingDirectory = workingDirectory,
        };

        if (asServiceAccount)
        {
            startInfo.FileName = RunUserPath();
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServiceAccount);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    public static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = StartProcess(startInfo);
        var output = ReadOutputAsync(process);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw TimedOut(startInfo, timeout);
        }

        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false));
    }

    /// <summary>The synchronous form, for exit handlers; returns the exit code.</summary>
    public static int Run(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        using var process = StartProcess(startInfo);
        _ = ReadOutputAsync(process);
        if (!process.WaitForExit(timeout))
        {
            TryKill(process);
            throw TimedOut(startInfo, timeout);
        }

        return process.ExitCode;
    }

    /// <summary>The last lines of a program's output or a log, on one line, for an error message.</summary>
    public static string OneLine(string text, int lastLines)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return "no output";
        }

        var tail = string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - lastLines)));
        return tail.Length <= 2000 ? tail : tail[^2000..];
    }

    private static string RunUserPath() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static Process StartProcess(ProcessStartInfo startInfo)
    {
        try
        {
            var process = Process.Start(startInfo)
                ?? throw new SchemaPlannerException(ErrorKind.Environment, $"could not run {DisplayName(startInfo)}");
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception ex)
        {
            throw new SchemaPlannerException(ErrorKind.Environment, $"could not run {DisplayName(startInfo)}: {ex.Message}", ex);
        }
    }

    private static async Task<string> ReadOutputAsync(Process process)
    {
        // Both streams are drained together so neither pipe can fill up and block the child.
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        var texts = await Task.WhenAll(standardOutput, standardError).ConfigureAwait(false);
        return texts[0] + "\n" + texts[1];
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited.
        }
    }

    private static SchemaPlannerException TimedOut(ProcessStartInfo startInfo, TimeSpan timeout) =>
        new(ErrorKind.Environment, $"{DisplayName(startInfo)} did not finish within {timeout.TotalSeconds:0} s");

    private static string DisplayName(ProcessStartInfo startInfo)
    {
        var arguments = startInfo.ArgumentList;
        var separator = arguments.IndexOf("--");
        var tool = separator >= 0 && separator + 1 < arguments.Count ? arguments[separator + 1] : startInfo.FileName;
        return Path.GetFileName(tool);
    }

    public sealed record ProcessResult(int ExitCode, string Output);
}
