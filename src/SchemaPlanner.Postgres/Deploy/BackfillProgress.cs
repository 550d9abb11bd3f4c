using System.Globalization;

namespace SchemaPlanner.Deploy;

/// <summary>
/// A backfill's progress notice (<c>backfill t: N rows scanned of ~M, K updated</c>) measured: rows done of the
/// estimate, the rate since the step started and the time left at that rate (null when done or unknown).
/// </summary>
public sealed record BackfillProgress(string Message, long Done, long Estimated, double RowsPerSecond, TimeSpan? Left)
{
    /// <summary>Share done, 0 to 100 (100 once past an estimate that was low).</summary>
    public long Percent => Estimated > 0 ? Math.Min(100, Done * 100 / Estimated) : 0;

    /// <summary>The notice with the share, rate and time left: <c>… (40%, 1200 rows/s, about 00:00:05 left)</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Estimated > 0)
        {
            parts.Add(Percent.ToString(CultureInfo.InvariantCulture) + "%");
        }

        parts.Add(Rate);
        if (Left is { } left)
        {
            parts.Add("about " + left.ToString("c", CultureInfo.InvariantCulture) + " left");
        }

        return $"{Message} ({string.Join(", ", parts)})";
    }

    public string Rate => RowsPerSecond.ToString("0", CultureInfo.InvariantCulture) + " rows/s";
}
