using Npgsql;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// Proves a plan before it is written: on a scratch database built from the current schema, runs every step of
/// every release in order (verify steps included); after each reversible release, its down files in reverse
/// must bring back the schema the release started from, and its up files run again; at the end the result,
/// read back, must equal the desired schema.
/// </summary>
public static class PlanRehearsal
{
    public static async Task RunAsync(
        SchemaModel current,
        SchemaModel desired,
        IReadOnlyList<ExecutableStep> steps,
        ScratchServer scratch,
        CancellationToken cancellationToken)
    {
        var database = await scratch.CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            await RecreateAsync(database.ConnectionString, current, cancellationToken).ConfigureAwait(false);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Each release goes up; a reversible one then goes down again (which must bring back the schema it
            // started from) and up once more, which also proves its files can be re-run.
            foreach (var release in steps.GroupBy(s => s.Release).OrderBy(g => g.Key))
            {
                var before = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
                await UpAsync(connection, release, cancellationToken).ConfigureAwait(false);
                if (!release.All(s => s.Reversible))
                {
                    continue;
                }

                foreach (var step in release.Reverse())
                {
                    await RunAsync(connection, step.DownFile, step.DownSql, step.Transactional, cancellationToken).ConfigureAwait(false);
                }

                var undone = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
                Require(undone, before, $"after the down files of release {release.Key}, the schema differs from the one the release started from");
                await UpAsync(connection, release, cancellationToken).ConfigureAwait(false);
            }

            var result = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
            Require(result, desired, "after every release, the database still differs from the desired schema");
        }
    }

    private static async Task UpAsync(NpgsqlConnection connection, IEnumerable<ExecutableStep> release, CancellationToken cancellationToken)
    {
        foreach (var step in release)
        {
            await RunAsync(connection, step.UpFile, step.UpSql, step.Transactional, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Builds <paramref name="model"/> in an empty database (its plain DDL from an empty schema).</summary>
    public static async Task RecreateAsync(string connectionString, SchemaModel model, CancellationToken cancellationToken)
    {
        var empty = (await SchemaReader.ReadAsync(connectionString, cancellationToken).ConfigureAwait(false)).Model;
        var diff = SchemaDiffer.Diff(empty, model);
        var unsupported = diff.Changes.OfType<Changes.UnsupportedChange>().FirstOrDefault();
        if (unsupported is not null)
        {
            throw new SchemaPlannerException(ErrorKind.Planning, $"cannot rehearse: the current schema has {unsupported.Describe()}; use --no-rehearse");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in DdlWriter.Statements(diff.Changes, empty, model))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new SchemaPlannerException(ErrorKind.Planning, $"cannot rebuild the current schema for the rehearsal: {ex.MessageText} in: {statement}", ex, ex.SqlState);
            }
        }

        var rebuilt = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
        Require(rebuilt, model, "the rehearsal database could not be made equal to the current schema");
    }

    private static async Task RunAsync(NpgsqlConnection connection, string file, string sql, bool transactional, CancellationToken cancellationToken)
    {
        try
        {
            await StepRunner.RunFileAsync(connection, file, sql, transactional, cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaPlannerException ex)
        {
            throw new SchemaPlannerException(ErrorKind.Planning, $"rehearsal failed at {file}: {ex.Message}", ex, ex.SqlState);
        }
    }

    private static void Require(SchemaModel actual, SchemaModel expected, string what)
    {
        var diff = SchemaDiffer.Diff(actual, expected);
        if (!diff.IsEmpty)
        {
            throw new SchemaPlannerException(
                ErrorKind.Planning,
                $"rehearsal failed: {what}: {string.Join("; ", diff.Changes.Take(5).Select(c => c.Describe()))}{(diff.Changes.Count > 5 ? $" (and {diff.Changes.Count - 5} more)" : "")}");
        }
    }
}
