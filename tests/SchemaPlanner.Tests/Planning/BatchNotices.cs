using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The pacing lines a backfill prints after each batch (<c>backfill 't': batch took X ms; next batch N rows after
/// P ms</c>, from <c>sql/parts/backfill-adapt.sbn</c>), read back so tests can check how the batch size moved.
/// </summary>
internal static partial class BatchNotices
{
    public sealed record Batch(int Index, long TookMilliseconds, long NextRows, long PauseMilliseconds);

    /// <summary>The pacing lines among <paramref name="notices"/>, in order, with their index in the list.</summary>
    public static List<Batch> Read(IReadOnlyList<string> notices)
    {
        var batches = new List<Batch>();
        for (var i = 0; i < notices.Count; i++)
        {
            var match = Line().Match(notices[i]);
            if (match.Success)
            {
                batches.Add(new Batch(i, Number(match, 1), Number(match, 2), Number(match, 3)));
            }
        }

        return batches;
    }

    /// <summary>No step grows more than 1.2× (rounded) and every size stays within the bounds.</summary>
    public static void AssertBounded(IReadOnlyList<Batch> batches, long first, long min, long max)
    {
        Assert.NotEmpty(batches);
        var previous = first;
        foreach (var batch in batches)
        {
            Assert.InRange(batch.NextRows, min, max);
            Assert.True(batch.NextRows <= Math.Round(previous * 1.2, MidpointRounding.AwayFromZero), $"a batch grew from {previous} to {batch.NextRows} rows in one step");
            previous = batch.NextRows;
        }
    }

    private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^backfill .+: batch took (\d+) ms; next batch (\d+) rows after (\d+) ms$")]
    private static partial Regex Line();
}
