using System.Diagnostics;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>
/// The squawk linter (npm package squawk-cli, pinned), installed once per machine into <c>.tools/squawk</c> at the
/// repository root on first use; one lock so parallel test classes never run two installs into one folder.
/// </summary>
internal static class Squawk
{
    public const string Version = "2.66.0";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Runs squawk with <paramref name="arguments"/> in <paramref name="directory"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> arguments, string directory) =>
        await RunProcessAsync(await EnsureInstalledAsync(), arguments, directory);

    public static async Task<string> EnsureInstalledAsync()
    {
        var prefix = Path.Combine(RepositoryPaths.RepositoryRoot(), ".tools", "squawk");
        var binary = Path.Combine(prefix, "node_modules", ".bin", OperatingSystem.IsWindows() ? "squawk.cmd" : "squawk");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(binary))
            {
                Directory.CreateDirectory(prefix);
                var (exitCode, _, stderr) = await RunProcessAsync(
                    OperatingSystem.IsWindows() ? "npm.cmd" : "npm",
                    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "squawk-cli@" + Version],
                    prefix);
                if (exitCode != 0 || !File.Exists(binary))
                {
                    throw new InvalidOperationException($"npm install squawk-cli@{Version} into {prefix} failed ({exitCode}): {stderr}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return binary;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string program, IReadOnlyList<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
