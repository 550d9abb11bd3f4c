using Npgsql;
using SchemaPlanner.Deploy;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Introspection;

/// <summary>
/// Reads a live database into a <see cref="DatabaseSchema"/>: all catalog queries sent as one batch inside a
/// READ ONLY transaction, so reading never writes and costs a fixed number of statements.
/// </summary>
public static class SchemaReader
{
    /// <summary>How many statements one read issues (the transaction control included).</summary>
    public static int StatementsPerRead => CatalogQueries.Names.Count + 3;

    public static async Task<DatabaseSchema> ReadAsync(string connectionString, CancellationToken cancellationToken) =>
        await ReadAsync(connectionString, null, cancellationToken).ConfigureAwait(false);

    public static async Task<DatabaseSchema> ReadAsync(string connectionString, ReadStatistics? statistics, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAsync(connection, statistics, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw ConnectionErrors.Translate(ex, connectionString);
        }
    }

    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);

    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, ReadStatistics? statistics, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        // pg_get_* functions qualify names that are not on the search_path; an empty path makes every read
        // qualify the same way whatever the session's settings.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL search_path = pg_catalog"));
        foreach (var name in CatalogQueries.Names)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogQueries.Load(name)));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

        if (statistics is not null)
        {
            statistics.Statements += batch.BatchCommands.Count;
            statistics.RoundTrips++;
        }

        var results = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var name in CatalogQueries.Names)
            {
                // BEGIN and SET produce no result set, so the first result is the first query's.
                var rows = new List<object?[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : reader.GetValue(i);
                    }

                    rows.Add(row);
                }

                results[name] = rows;
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // The runner's own history is not part of the schema being compared.
        return HistorySchema.Hide(ModelAssembler.Assemble(results));
    }
}
