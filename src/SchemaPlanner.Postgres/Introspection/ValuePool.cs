namespace SchemaPlanner.Introspection;

/// <summary>
/// One instance per distinct string of a catalog read: a 5,000-table read holds a schema name ~200,000 times and each
/// table's name dozens of times. Sharing them saves memory, and equal names then compare by reference
/// (<c>string.CompareOrdinal</c> and <c>string.Equals</c> check that first), which the model's sorts and the diff do
/// millions of times.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance of a string, or of each string of a text array; other values as they are.</summary>
    public object Share(object value)
    {
        switch (value)
        {
            case string text:
                return Share(text);
            case string[] texts:
                for (var i = 0; i < texts.Length; i++)
                {
                    texts[i] = Share(texts[i]);
                }

                return texts;
            default:
                return value;
        }
    }

    private string Share(string text)
    {
        if (strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        strings.Add(text);
        return text;
    }
}
