using System.Text;
using System.Text.Json;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// The expected rows of one watched table, updated by the traffic after each write commits. Each app version
/// updates only its own half of the pre-existing rows and the rows it inserted, so two writes to one row never
/// race and the ledger's order is the database's.
/// </summary>
internal sealed class TableLedger(TableMapping mapping)
{
    private readonly Dictionary<string, LedgerRow> rows = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    // When each key was last written, counted in writes; a mirror that synced before clearedAt starts over.
    private readonly Dictionary<string, long> writtenAt = new(StringComparer.Ordinal);
    private long writes;
    private long clearedAt;
    private readonly object gate = new();
    private long keylessCount;
    private long counter;

    public TableMapping Mapping { get; } = mapping;

    /// <summary>
    /// Other tables reference this one: the traffic deletes none of its rows, since the other version's inserts
    /// may point at any of them (ON DELETE actions are left to the constraint probes).
    /// </summary>
    public bool Referenced { get; init; }

    public bool Keyed => Mapping.Old is { Key.Count: > 0 } || (Mapping.Old is null && Mapping.New is { Key.Count: > 0 });

    /// <summary>A number unique across both versions, for fresh keys and unique values.</summary>
    public long Next() => Interlocked.Increment(ref counter);

    public void Put(LedgerRow row)
    {
        lock (gate)
        {
            var key = KeyText(row.Key);
            if (!rows.ContainsKey(key))
            {
                order.Add(key);
            }

            rows[key] = row;
            writtenAt[key] = ++writes;
        }
    }

    public void CountInsert(int delta)
    {
        lock (gate)
        {
            keylessCount += delta;
        }
    }

    /// <summary>Forgets every row: the table is gone (a rollback dropped the table its release created).</summary>
    public void Clear()
    {
        lock (gate)
        {
            rows.Clear();
            order.Clear();
            keylessCount = 0;
            writtenAt.Clear();
            clearedAt = ++writes;
        }
    }

    public LedgerRow? Get(IReadOnlyList<string?> key)
    {
        lock (gate)
        {
            return rows.GetValueOrDefault(KeyText(key));
        }
    }

    /// <summary>A live row <paramref name="version"/> may write: one it inserted, or one of its half of the old rows.</summary>
    public LedgerRow? Pick(AppVersion version, Random random, bool insertedOnly)
    {
        lock (gate)
        {
            for (var attempt = 0; attempt < 20 && order.Count > 0; attempt++)
            {
                var index = random.Next(order.Count);
                var row = rows[order[index]];
                if (!row.Deleted && (row.InsertedBy == version || (!insertedOnly && row.InsertedBy is null && index % 2 == (int)version)))
                {
                    return row;
                }
            }

            return null;
        }
    }

    /// <summary>Rows expected to exist (or, for a keyless table, their count).</summary>
    public long ExpectedCount()
    {
        lock (gate)
        {
            return Keyed ? rows.Values.Count(r => !r.Deleted) : keylessCount;
        }
    }

    /// <summary>
    /// The rows written after <paramref name="synced"/> (the <paramref name="now"/> of an earlier call; -1 for none) as a
    /// JSON array of <c>{k, w, v, d}</c> (jsonb_to_recordset's form), for a mirror of the ledger (<see cref="LedgerMirror"/>):
    /// every row when the mirror has never synced or synced before <see cref="Clear"/>, and then
    /// <paramref name="reset"/> says it must be emptied first. Any number of mirrors can follow one ledger.
    /// </summary>
    public string ChangesSince(long synced, out bool reset, out long now)
    {
        lock (gate)
        {
            reset = synced < 0 || synced < clearedAt;
            now = writes;
            return Json(reset ? order : order.Where(key => writtenAt[key] > synced));
        }
    }

    private string Json(IEnumerable<string> keys)
    {
        var buffer = new StringBuilder("[");
        var first = true;
        foreach (var key in keys)
        {
            var row = rows[key];
            buffer.Append(first ? "" : ",");
            first = false;
            buffer.Append("{\"k\":").Append(JsonSerializer.Serialize(row.Key))
                .Append(",\"w\":\"").Append(row.Writer == AppVersion.Old ? "old" : "new")
                .Append("\",\"d\":").Append(row.Deleted ? "true" : "false")
                .Append(",\"v\":").Append(row.Values).Append('}');
        }

        return buffer.Append(']').ToString();
    }

    private static string KeyText(IReadOnlyList<string?> key) => string.Join("\u001f", key.Select(k => k ?? "\u0000"));
}
