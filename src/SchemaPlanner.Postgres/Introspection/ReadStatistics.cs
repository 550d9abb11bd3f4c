namespace SchemaPlanner.Introspection;

/// <summary>What one schema read cost: statements sent and round trips to the server (counted as they are sent).</summary>
public sealed class ReadStatistics
{
    public int Statements { get; internal set; }

    public int RoundTrips { get; internal set; }
}
