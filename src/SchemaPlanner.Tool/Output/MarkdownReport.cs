using SchemaPlanner.Analysis;

namespace SchemaPlanner.Tool.Output;

/// <summary>A pull-request summary: verdict, then a table of changes with reason and recipe.</summary>
internal static class MarkdownReport
{
    public static void Write(SchemaAnalysis analysis, TextWriter output)
    {
        var unsafeCount = analysis.Changes.Count(c => !c.Safe);
        output.Write("## SchemaPlanner: ");
        output.Write(analysis.Changes.Count == 0 ? "no schema changes\n" : unsafeCount == 0 ? $"{analysis.Changes.Count} change(s), all safe\n" : $"{unsafeCount} unsafe of {analysis.Changes.Count} change(s)\n");
        output.Write('\n');
        if (analysis.Changes.Count == 0)
        {
            return;
        }

        output.Write("| | Change | Where | Reason | Recipe |\n|---|---|---|---|---|\n");
        foreach (var item in analysis.Changes)
        {
            var verdict = item.Safe ? (item.Hazards.Count > 0 ? ":warning: safe" : ":white_check_mark: safe") : ":x: **unsafe**";
            var reasons = item.Hazards.Count == 0
                ? "–"
                : string.Join("<br>", item.Hazards.Select(h =>
                    $"[{h.Rule}]({ReportText.DocsUrl(h.Rule)}) {ReportText.Kind(h.Kind)}: {Escape(h.Message)}" + (h.Allowed ? $" _(allowed: {Escape(h.AllowedBecause!)})_" : "")));
            var recipes = string.Join("<br>", item.Hazards.Select(h => "`" + h.Recipe + "`").Distinct());
            var where = item.Location is null ? "" : $"`{item.Location.File.Replace('\\', '/')}:{item.Location.Line}`";
            output.Write($"| {verdict} | {Escape(item.Change.Describe())} | {where} | {reasons} | {(recipes.Length == 0 ? "–" : recipes)} |\n");
        }

        if (analysis.Diff.Suggestions.Count > 0)
        {
            output.Write("\n**Possible renames** (renames are never guessed; add the hint to `schemaplan.json` if this is one):\n\n");
            foreach (var s in analysis.Diff.Suggestions)
            {
                output.Write($"- {Escape(s.Dropped)} → {Escape(s.Added)}: `{s.Hint}`\n");
            }
        }

        if (unsafeCount > 0)
        {
            output.Write("\nRun `dotnet schemaplan plan` to write the multi-release migration that makes the unsafe changes safe.\n");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
