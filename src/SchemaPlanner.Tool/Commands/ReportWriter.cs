using SchemaPlanner.Analysis;
using SchemaPlanner.Safety;
using SchemaPlanner.Tool.Output;

namespace SchemaPlanner.Tool.Commands;

internal static class ReportWriter
{
    public static void Write(SchemaAnalysis analysis, OutputFormat format, TextWriter stdout, Func<ClassifiedChange, bool>? covered = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonReport.Write(analysis, stdout);
                break;
            case OutputFormat.Markdown:
                MarkdownReport.Write(analysis, stdout);
                break;
            case OutputFormat.Sarif:
                SarifReport.Write(analysis, stdout);
                break;
            case OutputFormat.MsBuild:
                MsBuildReport.Write(analysis, stdout, covered);
                break;
            default:
                TextReport.Write(analysis, stdout, UseColor(stdout));
                break;
        }
    }

    /// <summary>Colour only on a terminal and when NO_COLOR is not set (https://no-color.org).</summary>
    private static bool UseColor(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
