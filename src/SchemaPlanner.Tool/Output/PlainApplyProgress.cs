using SchemaPlanner.Deploy;

namespace SchemaPlanner.Tool.Output;

/// <summary><c>apply</c>'s progress as plain lines on stderr (not a terminal, or NO_COLOR): a backfill's as one line per batch report.</summary>
internal sealed class PlainApplyProgress(TextWriter stderr) : IApplyProgress
{
    public void Line(string text) => stderr.WriteLine("schemaplan: " + text);

    public void Backfill(BackfillProgress progress) => Line("    " + progress.Describe());

    public void StepEnded()
    {
    }
}
