using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Runs squawk (npm package squawk-cli, installed into <c>.tools/squawk</c> at the repository root on first use)
/// over SQL files. Transactional files are linted with <c>--assume-in-transaction</c>, since the runner wraps
/// them in one transaction. squawk honours <c>-- squawk-ignore-file rule</c> for a whole file and
/// <c>-- squawk-ignore rule</c> only for the statement on the next line.
/// </summary>
internal static partial class SquawkLinter
{
    /// <summary>The release the Safety tests pin as well; both install into the same folder.</summary>
    public const string Version = "2.66.0";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<IReadOnlyList<SquawkFinding>> LintAsync(IReadOnlyList<LintedFile> files, int serverVersionNumber)
    {
        var folder = Directory.CreateTempSubdirectory("schemaplan-acceptance-squawk-");
        try
        {
            var findings = new List<SquawkFinding>();
            foreach (var group in files.GroupBy(f => f.Transactional))
            {
                var names = new List<string>();
                foreach (var file in group)
                {
                    var path = Path.Combine(folder.FullName, file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, file.Sql);
                    names.Add(file.Path);
                }

                var pgVersion = $"{serverVersionNumber / 10000}.0";
                string[] arguments = group.Key
                    ? ["--reporter", "json", "--pg-version", pgVersion, "--assume-in-transaction", .. names]
                    : ["--reporter", "json", "--pg-version", pgVersion, .. names];
                var output = await RunSquawkAsync(arguments, folder.FullName);
                using var json = JsonDocument.Parse(output);
                foreach (var finding in json.RootElement.EnumerateArray())
                {
                    var file = Path.GetRelativePath(folder.FullName, Path.GetFullPath(finding.GetProperty("file").GetString()!, folder.FullName)).Replace('\\', '/');
                    findings.Add(new SquawkFinding(
                        file,
                        finding.TryGetProperty("line", out var line) ? line.GetInt32() : 0,
                        finding.GetProperty("rule_name").GetString()!,
                        finding.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""));
                }
            }

            return findings;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Rules a file lists on its <c>-- squawk-ignore</c> or <c>-- squawk-ignore-file</c> lines.</summary>
    public static IReadOnlySet<string> IgnoredBy(string sql) =>
        IgnoreLine().Matches(sql)
            .SelectMany(m => m.Groups["rules"].Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The file without its squawk-ignore lines, to see what they keep quiet.</summary>
    public static string WithoutIgnores(string sql) => IgnoreLine().Replace(sql, "--");

    private static async Task<string> RunSquawkAsync(IReadOnlyList<string> arguments, string directory)
    {
        var binary = await EnsureInstalledAsync();
        var (exitCode, stdout, stderr) = await RunAsync(binary, arguments, directory);
        if (stdout.TrimStart().StartsWith('['))
        {
            return stdout;
        }

        throw new InvalidOperationException($"squawk {string.Join(' ', arguments)} failed ({exitCode}): {stderr}{stdout}");
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var prefix = Path.Combine(AcceptancePaths.RepositoryRoot(), ".tools", "squawk");
        var binary = Path.Combine(prefix, "node_modules", ".bin", OperatingSystem.IsWindows() ? "squawk.cmd" : "squawk");
        await InstallLock.WaitAsync();
        try
        {
            // The Safety tests install into the same folder, maybe at the same moment: a failed install is
            // tried once more after a pause, by which time the other one has usually finished.
            for (var attempt = 1; !File.Exists(binary); attempt++)
            {
                Directory.CreateDirectory(prefix);
                var (exitCode, _, stderr) = await RunAsync(
                    OperatingSystem.IsWindows() ? "npm.cmd" : "npm",
                    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "squawk-cli@" + Version],
                    prefix);
                if ((exitCode != 0 || !File.Exists(binary)) && attempt >= 2)
                {
                    throw new InvalidOperationException($"npm install squawk-cli@{Version} into {prefix} failed ({exitCode}): {stderr}");
                }

                if (!File.Exists(binary))
                {
                    await Task.Delay(TimeSpan.FromSeconds(15));
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return binary;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IReadOnlyList<string> arguments, string directory)
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

    [GeneratedRegex(@"^--\s*squawk-ignore(?:-file)?[ \t]+(?<rules>[^\r\n]+)$", RegexOptions.Multiline)]
    private static partial Regex IgnoreLine();
}

/// <summary>A file to lint: its path relative to the plan folder, its text, and whether the runner wraps it in a transaction.</summary>
internal sealed record LintedFile(string Path, string Sql, bool Transactional);

internal sealed record SquawkFinding(string File, int Line, string Rule, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Rule}: {Message}";
}
