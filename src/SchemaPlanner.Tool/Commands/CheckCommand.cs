using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Analysis;
using SchemaPlanner.Deploy;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// <c>schemaplan check</c>: like diff, but the exit code is the verdict (0 nothing to fail on, 1 something to
/// fail on). With <c>--migrations</c>, unsafe changes covered by a generated plan do not fail.
/// </summary>
internal static class CheckCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("check", command =>
        {
            command.Description = "Exit 1 when the desired schema has changes to fail on (default: unsafe ones without a plan), 0 otherwise.";
            var sources = new SourceOptions(command);
            var format = command.Option("--format <FORMAT>", "text (default), json, markdown, sarif or msbuild.", CommandOptionType.SingleValue);
            var failOn = command.Option("--fail-on <WHEN>", "unsafe (default): exit 1 on an unsafe change; any: on any change; none: never.", CommandOptionType.SingleValue);
            var migrations = command.Option("--migrations <DIR>", "Folder of generated plans (each with plan.json): unsafe changes a plan covers do not fail.", CommandOptionType.SingleValue);
            command.OnExecute(async () =>
            {
                var outputFormat = OutputFormats.Parse(format.Value(), OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Sarif, OutputFormat.MsBuild);
                var mode = failOn.Value()?.ToLowerInvariant() ?? "unsafe";
                if (mode is not ("unsafe" or "any" or "none"))
                {
                    throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--fail-on: \"{failOn.Value()}\" is not one of unsafe|any|none");
                }

                var config = sources.LoadConfig();
                var request = sources.Request(config);
                await using var scratch = ScratchServer.For(request, stderr);
                var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, cancellationToken).ConfigureAwait(false);
                var coverage = migrations.Value() is { } folder
                    ? PlanCoverage.Find(folder, analysis, SchemaSources.IsConnectionString(request.Current) ? await HistoryStore.PlansAsync(request.Current, cancellationToken).ConfigureAwait(false) : new HashSet<string>())
                    : null;
                if (coverage is not null)
                {
                    stderr.WriteLine($"schemaplan: the changes are covered by the plan(s) {string.Join(" -> ", coverage)}");
                }

                ReportWriter.Write(analysis, outputFormat, stdout, coverage is null ? null : _ => true);
                var fail = mode switch
                {
                    "any" => analysis.Changes.Count > 0 && coverage is null,
                    "unsafe" => analysis.HasUnsafe && coverage is null,
                    _ => false,
                };
                return fail ? ExitCodes.Unsafe : ExitCodes.Ok;
            });
        });
}
