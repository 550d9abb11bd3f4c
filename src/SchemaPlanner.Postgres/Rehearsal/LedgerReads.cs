using Npgsql;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>The ledgers' rows read from the database: before the plan, and again after a rollback.</summary>
internal static class LedgerReads
{
    /// <summary>Every live row of the ledger as <paramref name="version"/> reads it now, written by that version.</summary>
    public static async Task ReloadAsync(NpgsqlConnection connection, TableLedger ledger, AppVersion version, SchemaModel model, CancellationToken cancellationToken)
    {
        if (!ledger.Keyed || ledger.Mapping.Shape(version) is not { Key.Count: > 0 } shape)
        {
            return;
        }

        var keys = string.Join(", ", shape.Key.Select(k => $"t.{Sql.Quote(k)}::text"));
        await using var command = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.read_rows", ("keys", keys + ", "), ("row", ReadTypes.JsonObject("t", shape.Columns, model)), ("table", shape.Name.Sql)), connection);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = Enumerable.Range(0, shape.Key.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
            var values = reader.GetString(shape.Key.Count);
            // A row that reads as the ledger has it stays as it is (and is not sent to the checker's mirror again).
            if (ledger.Get(key) is { Deleted: false } row && (row.Writer != version || row.Values != values))
            {
                ledger.Put(row with { Writer = version, Values = values });
            }
        }
    }

    /// <summary>The ledger of each watched table: its rows as the old version reads them before the plan.</summary>
    public static async Task<List<TableLedger>> LoadAsync(NpgsqlConnection connection, ShapeMap map, SchemaModel current, CancellationToken cancellationToken)
    {
        var ledgers = new List<TableLedger>();
        foreach (var mapping in map.Watched)
        {
            var ledger = new TableLedger(mapping)
            {
                Referenced = map.Tables.Any(t => new[] { t.Old, t.New }.OfType<TableShape>().Any(s => s.Table.Constraints.Any(c =>
                    c.Kind == ConstraintKind.ForeignKey && (c.ReferencedTable == mapping.Old?.Name || c.ReferencedTable == mapping.New?.Name)))),
            };
            ledgers.Add(ledger);
            if (mapping.Old is not { } shape)
            {
                continue;
            }

            var keyed = shape.Key.Count > 0;
            var keys = keyed ? string.Join(", ", shape.Key.Select(k => $"t.{Sql.Quote(k)}::text")) + ", " : "";
            await using var command = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.read_rows", ("keys", keys), ("row", ReadTypes.JsonObject("t", shape.Columns, current)), ("table", shape.Name.Sql)), connection);
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            long count = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                count++;
                if (keyed)
                {
                    var key = Enumerable.Range(0, shape.Key.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
                    ledger.Put(new LedgerRow(key, AppVersion.Old, reader.GetString(shape.Key.Count), null, false));
                }
            }

            if (!keyed)
            {
                ledger.CountInsert((int)count);
            }
        }

        return ledgers;
    }
}
