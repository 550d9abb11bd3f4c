using System.Text;
using SchemaPlanner.Templates;
using Xunit;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Each case keeps the SQL files its plan generates under <c>expected/</c>, exactly as <c>plan</c> writes them.
/// The test requires the same set of files with the same bytes; <c>SCHEMAPLAN_UPDATE_GOLDEN=1</c> rewrites the
/// folder from the actual plan, so a template or recipe change is a reviewed diff.
/// </summary>
internal static class GoldenFiles
{
    public static void Check(AcceptanceCase @case, IReadOnlyList<RenderedStep> steps)
    {
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            actual[step.UpPath] = step.Up;
            actual[step.DownPath] = step.Down;
        }

        var folder = @case.ExpectedFilesFolder;
        if (AcceptanceCase.UpdateGolden)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var (path, text) in actual)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"{@case.Name}: expected/ is missing; run with {AcceptanceCase.UpdateGoldenVariable}=1 to write it");
        var expected = Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var missing in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
        {
            problems.Append("no longer generated: ").Append(missing).Append('\n');
        }

        foreach (var (path, text) in actual)
        {
            if (!expected.TryGetValue(path, out var golden))
            {
                problems.Append("new file: ").Append(path).Append('\n');
            }
            else if (golden != text)
            {
                problems.Append("changed: ").Append(path).Append(" (first difference at line ").Append(FirstDifferentLine(golden, text)).Append(")\n");
            }
        }

        Assert.True(problems.Length == 0, $"{@case.Name}: the generated SQL differs from expected/ (review, then {AcceptanceCase.UpdateGoldenVariable}=1 rewrites it):\n{problems}");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }
}
