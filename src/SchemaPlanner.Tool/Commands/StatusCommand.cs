using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Deploy;
using SchemaPlanner.Tool.Output;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// <c>schemaplan status</c>: what of a plan ran on a database, what is next, and what the application release
/// must have done before it. Reads only: nothing is created, not even the history table.
/// </summary>
internal static class StatusCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("status", command =>
        {
            command.Description = "Show which steps of a plan ran on a database, what runs next, and what the app release must have done before it.";
            var options = new DeployOptions(command, "The database the plan runs on (only read)");
            var format = command.Option("--format <FORMAT>", "text (default) or json.", CommandOptionType.SingleValue);
            command.OnExecute(async () =>
            {
                var output = OutputFormats.Parse(format.Value(), OutputFormat.Text, OutputFormat.Json);
                var manifest = options.ReadPlan();
                var status = await DeployStatus.ReadAsync(options.Database, manifest, cancellationToken).ConfigureAwait(false);
                stdout.Write(output == OutputFormat.Json ? StatusReport.Json(status) : StatusReport.Text(status));
                return ExitCodes.Ok;
            });
        });
}
