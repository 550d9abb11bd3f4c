using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Sources;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tool.Commands;

/// <summary>The options <c>apply</c> and <c>status</c> share: the database a plan runs on and the plan folder.</summary>
internal sealed class DeployOptions
{
    private readonly CommandOption database;
    private readonly CommandOption plan;

    public DeployOptions(CommandLineApplication command, string databaseHelp)
    {
        database = command.Option("--database <CONN>", $"{databaseHelp} (Npgsql keyword form or postgres:// URL; default ${SourceOptions.DatabaseVariable}).", CommandOptionType.SingleValue);
        plan = command.Option("--plan <DIR>", "The plan folder written by `schemaplan plan` (plan.json and its SQL files).", CommandOptionType.SingleValue);
    }

    public string Database => SchemaSources.Require(database.Value() ?? Environment.GetEnvironmentVariable(SourceOptions.DatabaseVariable), "--database", SourceOptions.DatabaseVariable);

    public PlanManifest ReadPlan() => PlanManifestReader.Read(SchemaSources.Require(plan.Value(), "--plan"));
}
