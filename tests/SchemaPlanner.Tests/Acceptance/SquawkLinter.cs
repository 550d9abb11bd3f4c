using System.Text.Json;
using System.Text.RegularExpressions;

using SchemaPlanner.Tests.Infrastructure;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Runs squawk (npm package squawk-cli, installed into <c>.tools/squawk</c> at the repository root on first use)
/// over SQL files. Transactional files are linted with <c>--assume-in-transaction</c>, since the runner wraps
/// them in one transaction. squawk honours <c>-- squawk-ignore-file rule</c> for a whole file and
/// <c>-- squawk-ignore rule</c> only for the statement on the next line.
/// </summary>
internal static partial class SquawkLinter
{
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
        var (exitCode, stdout, stderr) = await Squawk.RunAsync(arguments, directory);
        if (stdout.TrimStart().StartsWith('['))
        {
            return stdout;
        }

        throw new InvalidOperationException($"squawk {string.Join(' ', arguments)} failed ({exitCode}): {stderr}{stdout}");
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
