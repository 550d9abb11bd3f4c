using System.Globalization;
using System.Text;

namespace SchemaPlanner.Rehearsal;

/// <summary>The rehearsal report as text: a summary line, and a Markdown table of every step (plan.md, terminal).</summary>
public static class RehearsalText
{
    public static string Summary(RehearsalReport report)
    {
        var errors = report.Steps.Sum(s => s.Old.Errors + s.New.Errors);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"rehearsed under traffic on {report.RowsSource} ({report.Rows.Values.Sum()} rows in {report.Rows.Count} table(s)): " +
            $"{report.Steps.Count(s => s.Release > 0)} step(s), {report.Statements(AppVersion.Old)} old-version and {report.Statements(AppVersion.New)} new-version statement(s), " +
            $"{errors} errors; {report.Boundaries} boundaries checked ({report.ValueChecks} row/value checks, {report.ViewChecks} view checks, {report.ProbesRejected} bad writes rejected as they must be)");
        return report.SampleWritesOwnChecksRejected == 0
            ? summary
            : summary + string.Create(CultureInfo.InvariantCulture, $"; {report.SampleWritesOwnChecksRejected} generated write(s) broke a multi-column CHECK of their own version's schema and were not counted as errors");
    }

    public static string Markdown(RehearsalReport report)
    {
        var text = new StringBuilder();
        text.Append(Summary(report)).Append(".\n\n");
        text.Append("| step | ms | old: stmts | old: p99 / max ms | new: stmts | new: p99 / max ms | longest lock wait ms |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var step in report.Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{step.File}` | {step.DurationMs:0} | {step.Old.Statements} | {Latency(step.Old)} | {step.New.Statements} | {Latency(step.New)} | {step.LongestLockWaitMs:0} |\n");
        }

        return text.ToString();
    }

    private static string Latency(VersionFigures figures) =>
        figures.Statements == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{figures.P99Ms:0.#} / {figures.MaxMs:0.#}");
}
