using Npgsql;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// The checker session's copy of each ledger, in a temporary table that the row checks join (ledger_mismatch.sql).
/// Sending every row as one JSON parameter per check made parsing it most of the check's time (the bench's plan:
/// 518 checks of up to 2,000 rows, ~9 s of bind alone); before each check only the rows written since the last
/// one are sent (<see cref="TableLedger.TakeChanges"/>). Temporary tables live as long as the checker's session.
/// </summary>
internal sealed class LedgerMirror
{
    private readonly Dictionary<TableLedger, string> tables = [];

    /// <summary>Brings the mirror of <paramref name="ledger"/> up to date; its qualified name.</summary>
    public async Task<string> SyncAsync(NpgsqlConnection connection, TableLedger ledger, CancellationToken cancellationToken)
    {
        if (!tables.TryGetValue(ledger, out var name))
        {
            name = "pg_temp.sp_ledger_" + tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using var create = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.ledger_mirror_create", ("mirror", name)), connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            tables[ledger] = name;
        }

        var changes = ledger.TakeChanges(out var reset);
        await using var sync = new NpgsqlBatch(connection) { Timeout = 0 };
        if (reset)
        {
            sync.BatchCommands.Add(new NpgsqlBatchCommand("TRUNCATE " + name));
        }

        var upsert = new NpgsqlBatchCommand(EmbeddedSql.Fill("Rehearsal.ledger_mirror_sync", ("mirror", name)));
        upsert.Parameters.AddWithValue(changes);
        sync.BatchCommands.Add(upsert);
        await sync.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return name;
    }
}
