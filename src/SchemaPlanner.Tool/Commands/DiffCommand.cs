using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Analysis;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tool.Commands;

/// <summary><c>schemaplan diff</c>: every difference, classified, in text or JSON (or markdown/sarif/msbuild).</summary>
internal static class DiffCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("diff", command =>
        {
            command.Description = "Compare the desired schema with the current database and classify every difference as safe or unsafe.";
            var sources = new SourceOptions(command);
            var format = command.Option("--format <FORMAT>", "text (default), json, markdown, sarif or msbuild.", CommandOptionType.SingleValue);
            command.OnExecute(async () =>
            {
                var outputFormat = OutputFormats.Parse(format.Value(), OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Sarif, OutputFormat.MsBuild);
                var config = sources.LoadConfig();
                var request = sources.Request(config);
                await using var scratch = ScratchServer.For(request, stderr);
                var progress = sources.Progress(stderr);
                var reading = progress.Phase("reading and comparing the schemas");
                var analysis = await SchemaAnalyzer.AnalyzeAsync(request, scratch, cancellationToken).ConfigureAwait(false);
                reading.End();

                ReportWriter.Write(analysis, outputFormat, stdout);
                return ExitCodes.Ok;
            });
        });
}
