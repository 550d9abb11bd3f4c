using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Errors;
using SchemaPlanner.Tool.Commands;

namespace SchemaPlanner.Tool;

public static class Program
{
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C cancels cleanly (scratch clusters are removed); a second one kills the process.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };

        return Run(args, Console.Out, Console.Error, cancellation.Token);
    }

    /// <summary>The whole CLI with its output streams given: what Main and the tests run.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var app = new CommandLineApplication
        {
            Name = "schemaplan",
            FullName = "SchemaPlanner",
            Description = "Compares a desired PostgreSQL schema with a live database, says which changes are safe under traffic, and plans the rest as multi-release migrations.",
            Out = stdout,
            Error = stderr,
        };
        app.HelpOption(inherited: true);
        app.VersionOption("--version", typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return ExitCodes.InvalidInput;
        });

        DiffCommand.Register(app, stdout, stderr, cancellationToken);
        CheckCommand.Register(app, stdout, stderr, cancellationToken);
        PlanCommand.Register(app, stdout, stderr, cancellationToken);
        RehearseCommand.Register(app, stdout, stderr, cancellationToken);
        ApplyCommand.Register(app, stdout, stderr, cancellationToken);
        StatusCommand.Register(app, stdout, stderr, cancellationToken);
        SnapshotCommand.Register(app, stdout, stderr, cancellationToken);
        TemplatesCommand.Register(app, stdout, stderr, cancellationToken);

        ShareOutput(app, stdout, stderr);
        return Run(app, args, stderr, cancellationToken);
    }

    // Subcommands write help and parse errors to their own writers: point them all at ours.
    private static void ShareOutput(CommandLineApplication command, TextWriter stdout, TextWriter stderr)
    {
        command.Out = stdout;
        command.Error = stderr;
        foreach (var child in command.Commands)
        {
            ShareOutput(child, stdout, stderr);
        }
    }

    /// <summary>Runs the command line and maps failures to exit codes with one-line messages (no stack traces).</summary>
    private static int Run(CommandLineApplication app, string[] args, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException ex)
        {
            stderr.WriteLine($"schemaplan: error: {ex.Message} (see --help)");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (Unwrap(ex) is SchemaPlannerException known)
        {
            stderr.WriteLine($"schemaplan: error: {known.Message}");
            return ExitCodes.For(known.Kind);
        }
        catch (Exception ex) when (Unwrap(ex) is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // After Ctrl+C, an exception the tool has no message for is taken to be its consequence (a connection or a
            // container torn down mid-call); errors it does know (a failed step) are still reported as themselves.
            stderr.WriteLine("schemaplan: cancelled");
            if (Unwrap(ex) is not OperationCanceledException && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHEMAPLAN_DEBUG")))
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"schemaplan: internal error: {Unwrap(ex).GetType().Name}: {Unwrap(ex).Message}");
            stderr.WriteLine("This is a bug in SchemaPlanner; please report it with the command you ran (SCHEMAPLAN_DEBUG=1 shows the stack trace).");
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHEMAPLAN_DEBUG")))
            {
                stderr.WriteLine(ex.ToString());
            }
            return ExitCodes.Internal;
        }
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerException!) : ex;
}
