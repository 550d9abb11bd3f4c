using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SchemaPlanner.Deploy;

/// <summary>
/// Adds the share done, the rate and the time left to a backfill's progress notice
/// (<c>backfill t: N rows scanned of ~M, K updated</c>, from the backfill templates), measured from when the
/// step started. Other messages pass unchanged.
/// </summary>
public sealed partial class BackfillRate
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public string Describe(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Progress().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var done = long.Parse(match.Groups["done"].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var parts = new List<string>();
        if (total > 0)
        {
            parts.Add(Math.Min(100, done * 100 / total).ToString(CultureInfo.InvariantCulture) + "%");
        }

        parts.Add(rate.ToString("0", CultureInfo.InvariantCulture) + " rows/s");
        if (total > done && rate > 0)
        {
            parts.Add("about " + TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)).ToString("c", CultureInfo.InvariantCulture) + " left");
        }

        return $"{message} ({string.Join(", ", parts)})";
    }

    [GeneratedRegex(@"^backfill .+: (?<done>\d+) rows scanned of ~(?<total>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Progress();
}
