using Npgsql;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// One checker session's copy of each ledger, in temporary tables that the row checks join (ledger_mismatch.sql).
/// Sending every row as one JSON parameter per check made parsing it most of the check's time (the bench's plan:
/// 518 checks of up to 2,000 rows, ~9 s of bind alone); before each check only the rows written since this
/// mirror last synced that ledger are sent (<see cref="TableLedger.ChangesSince"/>), so each session keeps its
/// own mirror and any session may check any ledger. Temporary tables live as long as their session.
/// </summary>
internal sealed class LedgerMirror
{
    private readonly Dictionary<TableLedger, (string Name, long Synced)> tables = [];

    /// <summary>Brings the mirror of <paramref name="ledger"/> on <paramref name="connection"/> (always the same one) up to date; its qualified name.</summary>
    public async Task<string> SyncAsync(NpgsqlConnection connection, TableLedger ledger, CancellationToken cancellationToken)
    {
        if (!tables.TryGetValue(ledger, out var mirror))
        {
            mirror = ("pg_temp.sp_ledger_" + tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), -1);
            await using var create = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.ledger_mirror_create", ("mirror", mirror.Name)), connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var changes = ledger.ChangesSince(mirror.Synced, out var reset, out var now);
        await using var sync = new NpgsqlBatch(connection) { Timeout = 0 };
        if (reset)
        {
            sync.BatchCommands.Add(new NpgsqlBatchCommand("TRUNCATE " + mirror.Name));
        }

        var upsert = new NpgsqlBatchCommand(EmbeddedSql.Fill("Rehearsal.ledger_mirror_sync", ("mirror", mirror.Name)));
        upsert.Parameters.AddWithValue(changes);
        sync.BatchCommands.Add(upsert);
        await sync.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        tables[ledger] = (mirror.Name, now);
        return mirror.Name;
    }
}
