using SchemaPlanner.Analysis;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tool.Output;

/// <summary>Terminal output: one line per change, grouped by table; colour only when asked for.</summary>
internal static class TextReport
{
    public static void Write(SchemaAnalysis analysis, TextWriter output, bool color)
    {
        string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;

        if (analysis.Changes.Count == 0)
        {
            output.WriteLine("No differences: the database already has the desired schema.");
        }

        foreach (var group in analysis.Changes.GroupBy(c => c.Change.Table?.ToString() ?? "").OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var header = group.Key.Length == 0
                ? "(not tied to a table)"
                : group.Key + (group.First().Change.Table is { } t ? analysis.Context.SizeNote(t) : "");
            output.WriteLine(Paint(header, "1"));
            foreach (var item in group)
            {
                var mark = item.Safe ? Paint("safe  ", "32") : Paint("UNSAFE", "31;1");
                var where = item.Location is null ? "" : Paint("  " + item.Location, "2");
                output.WriteLine($"  {mark} {item.Change.Describe()}{where}");
                foreach (var hazard in item.Hazards)
                {
                    var line = "         " + ReportText.Line(hazard);
                    output.WriteLine(hazard.Blocks ? Paint(line, "31") : Paint(line, "33"));
                }
            }
        }

        foreach (var suggestion in analysis.Diff.Suggestions)
        {
            output.WriteLine(Paint($"hint: {suggestion.Dropped} is dropped and {suggestion.Added} added with the same type; if it is a rename, add to schemaplan.json \"hints\": {suggestion.Hint}", "36"));
        }

        foreach (var warning in analysis.Diff.Warnings)
        {
            output.WriteLine(Paint("warning: " + warning, "33"));
        }

        var unsafeCount = analysis.Changes.Count(c => !c.Safe);
        output.WriteLine($"{analysis.Changes.Count} change(s): {analysis.Changes.Count - unsafeCount} safe, {unsafeCount} unsafe.");
    }
}
