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
    public static int StatementsPerRead =>
        CatalogQueries.Names.Count + 2 + CatalogQueries.TransactionSettings.Count + (2 * CatalogQueries.PlannerMethodsOff.Count);

    public static async Task<DatabaseSchema> ReadAsync(string connectionString, CancellationToken cancellationToken) =>
        await ReadAsync(connectionString, null, cancellationToken).ConfigureAwait(false);

    public static async Task<DatabaseSchema> ReadAsync(string connectionString, ReadStatistics? statistics, CancellationToken cancellationToken)
    {
        try
        {
            // The catalog queries return built-in types only, so the connection skips Npgsql's load of the database's
            // own types (a query over pg_type and building its mappings: ~50 ms of CPU per connection at start-up).
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConfigureTypeLoading(options => options.EnableTypeLoading(false));
            await using var dataSource = builder.Build();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        foreach (var setting in CatalogQueries.TransactionSettings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL " + setting));
        }

        foreach (var name in CatalogQueries.Names)
        {
            var methodOff = CatalogQueries.PlannerMethodsOff.GetValueOrDefault(name);
            if (methodOff is not null)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL {methodOff} = off"));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogQueries.Load(name, connection.PostgreSqlVersion.Major)));
            if (methodOff is not null)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL {methodOff} TO DEFAULT"));
            }
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

        if (statistics is not null)
        {
            statistics.Statements += batch.BatchCommands.Count;
            statistics.RoundTrips++;
        }

        var results = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        var pool = new ValuePool();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var name in CatalogQueries.Names)
            {
                // BEGIN and the SETs produce no result set, so the first result is the first query's.
                var rows = new List<object?[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // ReadAsync buffers the whole row (the reader is not in sequential mode), so reading its
                    // values needs no I/O and the synchronous calls skip an async state machine per value.
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : pool.Share(reader.GetValue(i));
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
