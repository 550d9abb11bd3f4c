using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Snapshots;

namespace SchemaPlanner.Sources;

/// <summary>
/// Resolves what the user named as a schema: a live database (connection string or URL), a snapshot
/// (<c>.json</c>), a <c>.sql</c> file or a folder of them (applied to a scratch database, then read back).
/// </summary>
public static class SchemaSources
{
    public static bool IsConnectionString(string spec) =>
        spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (spec.Contains('=', StringComparison.Ordinal) && !File.Exists(spec) && !Directory.Exists(spec));

    public static async Task<LoadedSchema> LoadAsync(string spec, ScratchServer scratch, CancellationToken cancellationToken)
    {
        if (IsConnectionString(spec))
        {
            return await ReadLiveAsync(spec, cancellationToken).ConfigureAwait(false);
        }

        if (SnapshotSerializer.LooksLikeSnapshot(spec))
        {
            var schema = SnapshotSerializer.Deserialize(await File.ReadAllTextAsync(spec, cancellationToken).ConfigureAwait(false), spec);
            return new LoadedSchema(schema, "snapshot " + spec, []);
        }

        var files = SqlFiles.Find(spec);
        var statements = SqlFiles.Read(files);
        var database = await scratch.CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            await scratch.EnsureRolesAsync(database, ScratchRoles.NamesIn(statements), cancellationToken).ConfigureAwait(false);
            var locations = await SqlFiles.ApplyAsync(database.ConnectionString, statements, cancellationToken).ConfigureAwait(false);
            var schema = await SchemaReader.ReadAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false);
            // The scratch server's version and statistics say nothing about production: keep only the model.
            return new LoadedSchema(schema with { Statistics = Model.EquatableArray<Model.TableStatistics>.Empty }, "SQL " + spec, statements, locations);
        }
    }

    public static async Task<LoadedSchema> ReadLiveAsync(string connection, CancellationToken cancellationToken)
    {
        var normalized = ConnectionStrings.Normalize(connection);
        var schema = await SchemaReader.ReadAsync(normalized, cancellationToken).ConfigureAwait(false);
        return new LoadedSchema(schema, "database " + ConnectionErrors.Describe(normalized), []);
    }

    /// <summary>Fails with a clear message when a required source was not given.</summary>
    public static string Require(string? spec, string option, string? environmentVariable = null) =>
        !string.IsNullOrWhiteSpace(spec)
            ? spec
            : throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{option} is required" + (environmentVariable is null ? "" : $" (or set {environmentVariable})"));
}
