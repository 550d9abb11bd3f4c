using Npgsql;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// Proves a plan before it is written: on a scratch database built from the current schema and filled with
/// synthetic rows (or on the user's <c>--rehearse-on</c> database), runs every step of every release in order
/// while both app versions write on the release timeline, checking the invariants at every step boundary
/// (<see cref="TrafficRehearsal"/>); after each reversible release, its down files must bring back the schema
/// the release started from without losing a row, and its up files run again; at the end the result, read
/// back, must equal the desired schema.
/// </summary>
public static class PlanRehearsal
{
    public static async Task<RehearsalReport> RunAsync(
        RehearsalInput input,
        ScratchServer scratch,
        RehearsalOptions options,
        CancellationToken cancellationToken,
        Func<int, Task>? bothVersionsLive = null)
    {
        var map = ShapeMap.Build(input.Current, input.Desired, input.Changes, input.Config);
        if (options.RehearseOn is { } target)
        {
            await using var connection = new NpgsqlConnection(target);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var model = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
            Require(model, input.Current, "the --rehearse-on database is not at the current schema");
            var counts = new Dictionary<QualifiedName, long>();
            foreach (var table in SyntheticRows.InReferenceOrder(input.Current, map))
            {
                await using var count = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.count_rows", ("table", table.Name.Sql)), connection);
                counts[table.Name] = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            return await TrafficRehearsal.RunAsync(target, input.Current, input.Desired, map, input.Steps, options, "the rows of the --rehearse-on database", counts, bothVersionsLive, cancellationToken).ConfigureAwait(false);
        }

        var database = await scratch.CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            await RecreateAsync(database.ConnectionString, input.Current, input.Sql, cancellationToken, names => scratch.EnsureRolesAsync(database, names, cancellationToken)).ConfigureAwait(false);
            IReadOnlyDictionary<QualifiedName, long> rows;
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                rows = await SyntheticRows.SeedAsync(
                    connection, input.Current, input.Desired, map, options.RowsPerTable,
                    (table, column) => input.Config.FindColumnHint(table, column) is not null,
                    cancellationToken).ConfigureAwait(false);
            }

            return await TrafficRehearsal.RunAsync(database.ConnectionString, input.Current, input.Desired, map, input.Steps, options, $"synthetic rows (up to {options.RowsPerTable} per table)", rows, bothVersionsLive, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Builds <paramref name="model"/> in an empty database (its plain DDL from an empty schema); the names the DDL
    /// spells go to <paramref name="ensureRoles"/> first (the throwaway cluster creates the live roles among them).
    /// </summary>
    public static async Task RecreateAsync(
        string connectionString, SchemaModel model, ISqlRenderer sql, CancellationToken cancellationToken, Func<IReadOnlySet<string>, Task>? ensureRoles = null)
    {
        var empty = (await SchemaReader.ReadAsync(connectionString, cancellationToken).ConfigureAwait(false)).Model;
        var diff = SchemaDiffer.Diff(empty, model);
        var unsupported = diff.Changes.OfType<Changes.UnsupportedChange>().FirstOrDefault();
        if (unsupported is not null)
        {
            throw new SchemaPlannerException(ErrorKind.Planning, $"cannot rehearse: the current schema has {unsupported.Describe()}; use --no-rehearse");
        }

        var statements = new DdlWriter(sql).Statements(diff.Changes, empty, model).ToList();
        if (ensureRoles is not null)
        {
            await ensureRoles(ScratchRoles.NamesIn(statements)).ConfigureAwait(false);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Many statements per round trip, as the desired DDL is applied; a failing batch runs again one at a time to name its statement.
        var script = statements.Select(s => SqlScript.Statement("the current schema", s)).ToList();
        await StatementBatchRunner.RunAsync(
            connection,
            script,
            logged: false,
            (statement, ex) => new SchemaPlannerException(ErrorKind.Planning, $"cannot rebuild the current schema for the rehearsal: {ex.MessageText} in: {statement.Text}", ex, ex.SqlState),
            cancellationToken).ConfigureAwait(false);

        var rebuilt = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
        Require(rebuilt, model, "the rehearsal database could not be made equal to the current schema");
    }

    internal static void Require(SchemaModel actual, SchemaModel expected, string what)
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
