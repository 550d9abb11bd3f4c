using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SchemaPlanner.Deploy;

/// <summary>
/// Measures a backfill's progress notice (<c>backfill t: N rows scanned of ~M, K updated</c>, from the backfill
/// templates) against the time since the step started (<see cref="BackfillProgress"/>). Other messages are not
/// progress.
/// </summary>
public sealed partial class BackfillRate
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public BackfillProgress? Measure(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Progress().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var done = long.Parse(match.Groups["done"].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture);
        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        TimeSpan? left = total > done && rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)) : null;
        return new BackfillProgress(message, done, total, rate, left);
    }

    [GeneratedRegex(@"^backfill .+: (?<done>\d+) rows scanned of ~(?<total>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Progress();
}
