using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Errors;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tool.Commands;

/// <summary><c>schemaplan snapshot</c>: the model of a schema as stable, sorted JSON.</summary>
internal static class SnapshotCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("snapshot", command =>
        {
            command.Description = "Write a schema (a database, .sql files or another snapshot) as a stable, sorted JSON snapshot.";
            var database = command.Option(
                "--database <CONN_OR_PATH>",
                $"What to snapshot: a live database (default ${SourceOptions.DatabaseVariable}), a .sql file or folder, or a snapshot.",
                CommandOptionType.SingleValue);
            var output = command.Option("--out <FILE>", "Where to write the snapshot (default: standard output).", CommandOptionType.SingleValue);
            var devDatabase = command.Option("--dev-database <CONN>", "Server for a temporary database when snapshotting .sql files, or docker[:IMAGE] for a throwaway container.", CommandOptionType.SingleValue);
            command.OnExecute(async () =>
            {
                var spec = SchemaSources.Require(database.Value() ?? Environment.GetEnvironmentVariable(SourceOptions.DatabaseVariable), "--database", SourceOptions.DatabaseVariable);
                await using var scratch = new ScratchServer(devDatabase.Value() ?? Environment.GetEnvironmentVariable(SourceOptions.DevDatabaseVariable)) { Notices = stderr };
                var loaded = await SchemaSources.LoadAsync(spec, scratch, cancellationToken).ConfigureAwait(false);
                var json = SnapshotSerializer.Serialize(loaded.Schema);
                if (output.Value() is { } path)
                {
                    var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
                    if (!Directory.Exists(folder))
                    {
                        throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--out: folder {folder} does not exist");
                    }

                    await File.WriteAllTextAsync(path, json, cancellationToken).ConfigureAwait(false);
                    stderr.WriteLine($"snapshot of {loaded.Description} written to {path}");
                }
                else
                {
                    stdout.Write(json);
                }

                return ExitCodes.Ok;
            });
        });
}
