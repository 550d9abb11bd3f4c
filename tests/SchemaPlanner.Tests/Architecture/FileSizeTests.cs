using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Architecture;

/// <summary>No source file under src/ grows past 400 lines: a file that long holds more than one idea.</summary>
public sealed class FileSizeTests
{
    public const int MaxLines = 400;

    [Fact]
    public void No_file_under_src_is_over_400_lines()
    {
        var root = RepositoryPaths.RepositoryRoot();
        var tooLong = (
            from file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            let relative = Path.GetRelativePath(root, file).Replace('\\', '/')
            where !relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal)
            let lines = File.ReadLines(file).Count()
            where lines > MaxLines
            orderby relative
            select $"{relative}: {lines} lines").ToList();

        Assert.True(tooLong.Count == 0, $"files under src/ over {MaxLines} lines:\n" + string.Join("\n", tooLong));
    }
}
