namespace SchemaPlanner.Tests.Cli;

/// <summary>Stands in for Ctrl+C in an in-process run: a stderr writer that cancels when a line with the marker appears.</summary>
internal sealed class CancelOnLine(string marker, CancellationTokenSource stop) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.Contains(marker, StringComparison.Ordinal))
        {
            stop.Cancel();
        }
    }
}
