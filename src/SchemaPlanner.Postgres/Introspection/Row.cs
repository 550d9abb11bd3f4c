namespace SchemaPlanner.Introspection;

/// <summary>Typed access to one catalog row read by position.</summary>
internal readonly struct Row(object?[] values)
{
    public string Str(int i) => (string)values[i]!;

    public string? StrOrNull(int i) => values[i] as string;

    public bool Bool(int i) => (bool)values[i]!;

    public long Long(int i) => Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture);

    public string[] Strings(int i) => values[i] as string[] ?? [];

    public bool[] Bools(int i) => values[i] as bool[] ?? [];

    public long[]? LongsOrNull(int i) => values[i] as long[];
}
