using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Deploy;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;
using SchemaPlanner.Tool.Output;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// <c>schemaplan apply</c>: runs a plan's steps on the database it is given, up to a phase (or, with
/// <c>--down</c>, back to one), recording each in <c>schemaplan.history</c> so that a deploy pipeline can run one
/// phase at a time, resume after a crash, and never run a plan on a database it was not made for.
/// </summary>
internal static class ApplyCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("apply", command =>
        {
            command.Description = "Run a plan's steps on a database up to a phase (--to 1/pre-deploy, --to end), or back to one with --down, recording them in schemaplan.history.";
            var options = new DeployOptions(command, "The database to run the plan on (the only one apply writes to)");
            var to = command.Option("--to <POINT>", "Run every step up to and including this phase: <release>/<phase> (e.g. 1/pre-deploy) or end; with --down, the point to go back to (or start).", CommandOptionType.SingleValue);
            var down = command.Option("--down", "Run the down files of the steps after --to that ran, last first.", CommandOptionType.NoValue);
            var force = command.Option("--force", "With --down: pass over a step that cannot be undone (its down file is not run) instead of refusing.", CommandOptionType.NoValue);
            var dryRun = command.Option("--dry-run", "List the steps that would run; change nothing.", CommandOptionType.NoValue);
            command.OnExecute(async () =>
            {
                var manifest = options.ReadPlan();
                var point = PhasePoint.Parse(SchemaSources.Require(to.Value(), "--to"), manifest);
                if (force.HasValue() && !down.HasValue())
                {
                    throw new SchemaPlannerException(ErrorKind.InvalidInput, "--force only goes with --down (it passes over steps that cannot be undone)");
                }

                PlanManifestReader.VerifyChecksums(manifest);
                var request = new ApplyRequest(options.Database, manifest, point, down.HasValue(), force.HasValue(), dryRun.HasValue(), PlanManifestReader.FromSchema(manifest));
                var target = ConnectionErrors.Describe(ConnectionStrings.Normalize(request.ConnectionString));
                var steps = TerminalApplyProgress.IsTerminal(stderr)
                    ? await TerminalApplyProgress.RunAsync(TerminalApplyProgress.For(stderr), progress => PlanApplier.ApplyAsync(request, progress, cancellationToken)).ConfigureAwait(false)
                    : await PlanApplier.ApplyAsync(request, new PlainApplyProgress(stderr), cancellationToken).ConfigureAwait(false);
                var verb = down.HasValue() ? "undo" : "run";
                if (steps.Count == 0)
                {
                    stderr.WriteLine($"schemaplan: nothing to {verb}: {target} is already at {point} of {manifest.Folder}");
                }
                else if (dryRun.HasValue())
                {
                    foreach (var step in steps)
                    {
                        stdout.WriteLine($"{(down.HasValue() ? step.Step.DownFile : step.Step.UpFile)}\t{step.Point}\t{(down.HasValue() && !step.Step.Reversible ? "passed over (cannot be undone)" : step.Step.Transactional ? "transactional" : "non-transactional")}\t{step.Title}");
                    }

                    stderr.WriteLine($"schemaplan: dry run: {steps.Count} step(s) would {verb} on {target}; nothing was changed");
                }
                else
                {
                    stderr.WriteLine($"schemaplan: {steps.Count} step(s) {(down.HasValue() ? "undone" : "run")}; {target} is at {point} of {manifest.Folder} (see `schemaplan status`)");
                }

                return ExitCodes.Ok;
            });
        });
}
