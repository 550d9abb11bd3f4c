using SchemaPlanner.Deploy;
using Spectre.Console;

namespace SchemaPlanner.Tool.Output;

/// <summary>
/// <c>apply</c>'s progress on a terminal (Spectre.Console): step lines printed above, a backfill as a progress
/// bar of rows done of the estimate with its rate and time left, kept on screen when the step ends.
/// </summary>
internal sealed class TerminalApplyProgress : IApplyProgress
{
    private readonly IAnsiConsole console;
    private readonly ProgressContext context;
    private ProgressTask? backfill;

    private TerminalApplyProgress(IAnsiConsole console, ProgressContext context)
    {
        this.console = console;
        this.context = context;
    }

    /// <summary>Stderr is a terminal that takes colour and cursor moves (not redirected, NO_COLOR unset, TERM not dumb).</summary>
    public static bool IsTerminal(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static IAnsiConsole For(TextWriter stderr) => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });

    /// <summary>Runs <paramref name="work"/> with the progress display live on <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IApplyProgress, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(context => work(new TerminalApplyProgress(console, context)));

    public void Line(string text) => console.WriteLine("schemaplan: " + text);

    public void Backfill(BackfillProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        backfill ??= context.AddTask("backfill", autoStart: true, maxValue: 1);
        backfill.MaxValue = Math.Max(1, Math.Max(progress.Estimated, progress.Done));
        backfill.Value = progress.Done;
        var left = progress.Left is { } l ? $", about {l:c} left" : "";
        backfill.Description = Markup.Escape($"{progress.Message}, {progress.Rate}{left}");
    }

    public void StepEnded()
    {
        if (backfill is not null)
        {
            backfill.StopTask();
            backfill = null;
        }
    }
}
