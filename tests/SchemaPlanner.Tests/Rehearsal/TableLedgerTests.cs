using System.Text.Json;
using SchemaPlanner.Rehearsal;
using Xunit;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// What a checker session's mirror of a ledger is sent (<see cref="TableLedger.ChangesSince"/>): everything the
/// first time, then only the rows written since that mirror's last sync, whatever other mirrors took, and
/// everything again, emptied first, after the ledger was cleared (a rollback dropped its table).
/// </summary>
public sealed class TableLedgerTests
{
    [Fact]
    public void Each_mirror_gets_the_rows_written_since_its_own_last_sync_and_all_of_them_after_a_clear()
    {
        var ledger = new TableLedger(new TableMapping(null, null, new Dictionary<string, string>(), new Dictionary<string, string>()));
        ledger.Put(Row("1", "{\"a\": 1}"));
        ledger.Put(Row("2", "{\"a\": 2}"));

        Assert.Equal(["1", "2"], Keys(ledger.ChangesSince(-1, out var reset, out var first)));
        Assert.True(reset);
        Assert.Empty(Keys(ledger.ChangesSince(first, out reset, out var unchanged)));
        Assert.False(reset);

        ledger.Put(Row("2", "{\"a\": 3}"));
        ledger.Put(Row("3", "{\"a\": 4}"));
        Assert.Equal(["2", "3"], Keys(ledger.ChangesSince(unchanged, out reset, out var second)));
        Assert.False(reset);

        // Another mirror that synced only at the start still gets everything it lacks.
        ledger.Put(Row("1", "{\"a\": 5}"));
        Assert.Equal(["1", "2", "3"], Keys(ledger.ChangesSince(first, out reset, out _)));
        Assert.Equal(["1"], Keys(ledger.ChangesSince(second, out reset, out var third)));

        ledger.Clear();
        ledger.Put(Row("9", "{\"a\": 9}"));
        Assert.Equal(["9"], Keys(ledger.ChangesSince(third, out reset, out var afterClear)));
        Assert.True(reset);
        Assert.Empty(Keys(ledger.ChangesSince(afterClear, out reset, out _)));
        Assert.False(reset);
    }

    private static LedgerRow Row(string key, string values) => new([key], AppVersion.Old, values, null, false);

    private static List<string> Keys(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(r => r.GetProperty("k")[0].GetString()!).ToList();
}
