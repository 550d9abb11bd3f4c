using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// The options every comparing command shares: --database, --desired, --config, --dev-database, --pg-version,
/// and --context / --startup-project / --configuration / --framework / --no-build for an EF Core project as the
/// desired schema.
/// </summary>
internal sealed class SourceOptions
{
    public const string DatabaseVariable = "SCHEMAPLAN_DATABASE";
    public const string DevDatabaseVariable = "SCHEMAPLAN_DEV_DATABASE";

    private readonly CommandOption database;
    private readonly CommandOption desired;
    private readonly CommandOption config;
    private readonly CommandOption devDatabase;
    private readonly CommandOption pgVersion;
    private readonly CommandOption context;
    private readonly CommandOption startupProject;
    private readonly CommandOption configuration;
    private readonly CommandOption framework;
    private readonly CommandOption noBuild;
    private readonly CommandOption quiet;

    public SourceOptions(CommandLineApplication command)
    {
        database = command.Option(
            "--database <CONN>",
            $"Current schema: the live database (Npgsql keyword form or postgres:// URL; default ${DatabaseVariable}), a snapshot .json or a .sql file/folder. Never written to.",
            CommandOptionType.SingleValue);
        desired = command.Option(
            "--desired <PATH_OR_CONN>",
            "Desired schema: a .sql file, a folder of .sql files (applied in file-name order), a snapshot .json, an EF Core project (.csproj, scripted by dotnet ef), or another database.",
            CommandOptionType.SingleValue);
        config = command.Option("--config <FILE>", "schemaplan.json with hints and accepted hazards (default: ./schemaplan.json if present).", CommandOptionType.SingleValue);
        devDatabase = command.Option(
            "--dev-database <CONN>",
            $"A server where a temporary database may be created to apply SQL files, or docker[:IMAGE] for a throwaway container (image default {DockerDevDatabase.ImageRepository}:<live major>) (default ${DevDatabaseVariable}, else a throwaway cluster from the local PostgreSQL binaries, else a container if a Docker engine answers).",
            CommandOptionType.SingleValue);
        pgVersion = command.Option("--pg-version <N>", "Classify for this PostgreSQL major version (e.g. 12) instead of the live server's.", CommandOptionType.SingleValue);
        context = command.Option("--context <NAME>", "With an EF Core project: the DbContext to script (dotnet ef --context).", CommandOptionType.SingleValue);
        startupProject = command.Option("--startup-project <PATH>", "With an EF Core project: the startup project (dotnet ef --startup-project).", CommandOptionType.SingleValue);
        configuration = command.Option("--configuration <NAME>", "With an EF Core project: the build configuration (dotnet build/ef --configuration; default Debug).", CommandOptionType.SingleValue);
        framework = command.Option("--framework <TFM>", "With an EF Core project: the target framework (dotnet build/ef --framework).", CommandOptionType.SingleValue);
        noBuild = command.Option("--no-build", "With an EF Core project: use it as already built (the MSBuild gate passes this).", CommandOptionType.NoValue);
        quiet = command.Option("--quiet", "Do not report on stderr the phases that take longer than a second.", CommandOptionType.NoValue);
    }

    /// <summary>Slow phases reported on <paramref name="stderr"/>, unless --quiet.</summary>
    public Output.ProgressLog Progress(TextWriter stderr) => new(stderr, quiet.HasValue());

    public SchemaPlannerConfig LoadConfig() => SchemaPlannerConfig.Load(config.Value(), Directory.GetCurrentDirectory());

    public AnalysisRequest Request(SchemaPlannerConfig loaded)
    {
        var current = SchemaSources.Require(
            database.Value() ?? Environment.GetEnvironmentVariable(DatabaseVariable) ?? loaded.Database,
            "--database",
            DatabaseVariable);
        var target = SchemaSources.Require(desired.Value() ?? RelativeToConfig(loaded, loaded.Desired), "--desired");
        return new AnalysisRequest(current, target, loaded, devDatabase.Value() ?? Environment.GetEnvironmentVariable(DevDatabaseVariable) ?? loaded.DevDatabase, ParseVersion(pgVersion.Value()),
            new EfCoreSelection(context.Value(), startupProject.Value(), configuration.Value(), framework.Value(), noBuild.HasValue()));
    }

    private static string? RelativeToConfig(SchemaPlannerConfig config, string? path) =>
        path is null || config.Path is null || Path.IsPathRooted(path) || SchemaSources.IsConnectionString(path)
            ? path
            : Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.Path))!, path));

    private static int? ParseVersion(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var major = text.Split('.')[0];
        return int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 10 and < 100
            ? value * 10000
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--pg-version: \"{text}\" is not a PostgreSQL major version (e.g. 12, 15, 17)");
    }
}
