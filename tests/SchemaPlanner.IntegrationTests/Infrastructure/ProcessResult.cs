namespace SchemaPlanner.IntegrationTests.Infrastructure;

/// <summary>How a child process ended: its exit code and its stdout and stderr, interleaved as they arrived.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>For assertion messages: the command and everything it printed.</summary>
    public override string ToString() => $"$ {CommandLine}\n(exit code {ExitCode})\n{Output}";
}
