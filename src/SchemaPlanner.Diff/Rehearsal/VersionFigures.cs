namespace SchemaPlanner.Rehearsal;

/// <summary>One app version's statements during a step: how many, how many failed, p99 and max latency.</summary>
public sealed record VersionFigures(int Statements, int Errors, double P99Ms, double MaxMs)
{
    public static VersionFigures None { get; } = new(0, 0, 0, 0);

    public static VersionFigures Of(IReadOnlyList<double> latencies, int errors)
    {
        if (latencies.Count == 0)
        {
            return new VersionFigures(0, errors, 0, 0);
        }

        var sorted = latencies.Order().ToArray();
        var p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
        return new VersionFigures(sorted.Length, errors, Math.Round(p99, 1), Math.Round(sorted[^1], 1));
    }
}
