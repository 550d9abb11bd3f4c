using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Analysis;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// <c>schemaplan rehearse</c>: proves a written plan (as it is in its folder, hand edits included) on a scratch
/// copy of the current schema with rows, both app versions writing, and every invariant checked.
/// </summary>
internal static class RehearseCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("rehearse", command =>
        {
            command.Description = "Rehearse a written plan under two-version traffic on a scratch copy (or --rehearse-on) and report per step.";
            var sources = new SourceOptions(command);
            var planDir = command.Option("--plan <DIR>", "The plan folder written by `schemaplan plan` (plan.json and its SQL files).", CommandOptionType.SingleValue);
            var rehearsal = new RehearsalOptionsParser(command);
            command.OnExecute(async () =>
            {
                var config = sources.LoadConfig();
                var folder = SchemaSources.Require(planDir.Value() ?? config.Out, "--plan");
                var written = PlanReader.Read(folder);
                var request = sources.Request(config);
                await using var scratch = ScratchServer.For(request, stderr);
                var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, cancellationToken).ConfigureAwait(false);
                if (SchemaFingerprint.Of(analysis.Current.Schema.Model) != written.FromFingerprint)
                {
                    throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--plan: {folder} was planned from another schema than the --database has now; run `schemaplan plan` again");
                }

                if (SchemaFingerprint.Of(analysis.Desired.Schema.Model) != written.ToFingerprint)
                {
                    throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--plan: {folder} leads to another schema than --desired; run `schemaplan plan` again");
                }

                var options = rehearsal.Options(config, request.Current);
                stderr.WriteLine($"schemaplan: rehearsing {written.Steps.Count} step(s) with both app versions writing ({options.TransactionsPerSecond} tx/s each)...");
                var report = await PlanRehearsal.RunAsync(
                    new RehearsalInput(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, analysis.Changes.Select(c => c.Change).ToList(), config, written.Steps, StatementRenderer.BuiltIn),
                    scratch,
                    options,
                    cancellationToken).ConfigureAwait(false);
                stdout.Write(RehearsalText.Markdown(report));
                stderr.WriteLine("schemaplan: " + RehearsalText.Summary(report));
                return ExitCodes.Ok;
            });
        });
}
