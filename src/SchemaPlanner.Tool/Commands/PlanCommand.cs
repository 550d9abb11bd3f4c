using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Analysis;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// <c>schemaplan plan</c>: the multi-release migration that makes every change safe, rehearsed on a scratch
/// database before it is written.
/// </summary>
internal static class PlanCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("plan", command =>
        {
            command.Description = "Write the multi-release migration series (SQL files, plan.md, plan.json) that applies every change without downtime.";
            var sources = new SourceOptions(command);
            var output = command.Option("--out <DIR>", "Folder to write the plan into (must be empty unless --force).", CommandOptionType.SingleValue);
            var force = command.Option("--force", "Replace a plan already in --out.", CommandOptionType.NoValue);
            var templates = command.Option("--templates <DIR>", "Folder with templates overriding the built-in ones (see `schemaplan templates export`).", CommandOptionType.SingleValue);
            var noRehearse = command.Option("--no-rehearse", "Skip the rehearsal on a scratch database.", CommandOptionType.NoValue);
            var rehearsal = new RehearsalOptionsParser(command);
            var layout = command.Option("--layout <LAYOUT>", "sql (default: release folders, run with `schemaplan apply`), flyway (also flyway/V…__what.sql for Flyway and Evolve), dbup (also dbup/*.sql for DbUp) or efcore (also efcore/*.cs migrations for dotnet ef database update).", CommandOptionType.SingleValue);
            var efContext = command.Option("--efcore-context <TYPE>", "With --layout efcore: the DbContext the migrations are for, Namespace.Type.", CommandOptionType.SingleValue);
            var efNamespace = command.Option("--efcore-namespace <NS>", "With --layout efcore: the migrations' namespace (default: the context's namespace + .Migrations).", CommandOptionType.SingleValue);
            var efTimestamp = command.Option("--efcore-timestamp <yyyyMMddHHmmss>", "With --layout efcore: the first migration id's timestamp, one second more per step (default: now, UTC).", CommandOptionType.SingleValue);
            var failOnOffline = command.Option("--fail-on-offline", "Fail (exit 7) when a change has no online path instead of writing an offline runbook.", CommandOptionType.NoValue);
            command.OnExecute(async () =>
            {
                var config = sources.LoadConfig();
                var outDir = SchemaSources.Require(output.Value() ?? config.Out, "--out");
                var planLayout = LayoutOptions.Parse(layout.Value(), efContext.Value(), efNamespace.Value(), efTimestamp.Value(), TimeProvider.System.GetUtcNow().UtcDateTime);
                var catalog = new TemplateCatalog(templates.Value() ?? config.Templates);
                if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any() && !force.HasValue())
                {
                    throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--out: {outDir} is not empty; use --force to replace the plan in it");
                }

                var request = sources.Request(config);
                await using var scratch = ScratchServer.For(request, stderr);
                var progress = sources.Progress(stderr);
                var reading = progress.Phase("reading and comparing the schemas");
                var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, cancellationToken).ConfigureAwait(false);
                reading.End();
                var planning = progress.Phase("planning");
                var context = new PlanningContext(
                    analysis.Current.Schema.Model,
                    analysis.Desired.Schema.Model,
                    analysis.Changes,
                    config,
                    analysis.Context.ServerVersionNumber,
                    new StatementRenderer(catalog));
                var plan = Planner.Plan(
                    context,
                    SchemaFingerprint.Of(analysis.Current.Schema.Model),
                    SchemaFingerprint.Of(analysis.Desired.Schema.Model));
                if (plan.Offline.Count > 0 && failOnOffline.HasValue())
                {
                    throw new SchemaPlannerException(
                        ErrorKind.Planning,
                        "no online path for: " + string.Join("; ", plan.Offline.Select(o => o.Change.Describe() + " (" + o.Reason + ")")));
                }

                var renderer = new PlanRenderer(catalog);
                var steps = renderer.RenderSteps(plan);
                planning.End();
                RehearsalReport? report = null;
                if (!noRehearse.HasValue() && plan.Releases.Count > 0)
                {
                    var options = rehearsal.Options(config, request.Current);
                    stderr.WriteLine($"schemaplan: rehearsing {steps.Count} step(s) with both app versions writing ({options.TransactionsPerSecond} tx/s each) on {(options.RehearseOn is null ? $"a scratch copy with synthetic rows (up to {options.RowsPerTable} per table)" : "the --rehearse-on database")}...");
                    var rehearsing = progress.Phase("rehearsing");
                    report = await PlanRehearsal.RunAsync(
                        new RehearsalInput(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, plan.Changes.Select(c => c.Change).ToList(), config, PlanWriter.Executable(steps), StatementRenderer.BuiltIn),
                        scratch,
                        options,
                        cancellationToken).ConfigureAwait(false);
                    rehearsing.End();
                    stderr.WriteLine("schemaplan: " + RehearsalText.Summary(report));
                }

                var writing = progress.Phase("writing the plan");
                PlanWriter.PrepareFolder(outDir, force.HasValue());
                PlanWriter.Write(outDir, plan, steps, renderer, plan.Offline.Count > 0 ? renderer.RenderOffline(plan, steps) : null, report, analysis.Current.Schema.Model, planLayout);
                writing.End();

                stderr.WriteLine(
                    $"schemaplan: {plan.Changes.Count} change(s) ({plan.Changes.Count(c => !c.Safe)} unsafe) planned in {plan.Releases.Count} release(s), {steps.Count} step(s)"
                    + (noRehearse.HasValue() ? " (not rehearsed)" : ", rehearsed") + (plan.Offline.Count > 0 ? $"; {plan.Offline.Count} change(s) need the OFFLINE runbook" : ""));
                if (planLayout.Layout == PlanLayout.EfCore)
                {
                    foreach (var (point, migration) in EfCoreLayout.PhaseEnd(steps))
                    {
                        stderr.WriteLine($"schemaplan: efcore: {point}: dotnet ef database update {migration}");
                    }
                }

                stdout.WriteLine(Path.Combine(outDir, "plan.md"));
                return ExitCodes.Ok;
            });
        });
}
