namespace SchemaPlanner.Introspection;

/// <summary>
/// One instance per distinct value of a catalog read: a 5,000-table read holds a schema name ~200,000 times, each
/// table's name dozens of times, and a boxed <c>true</c> or small number hundreds of thousands of times. Sharing them
/// saves memory (and the garbage collector's work), and equal names then compare by reference
/// (<c>string.CompareOrdinal</c> and <c>string.Equals</c> check that first), which the model's sorts and the diff do
/// millions of times.
/// </summary>
internal sealed class ValuePool
{
    private const int SmallInts = 256;

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] Ints = Enumerable.Range(0, SmallInts).Select(i => (object)i).ToArray();

    private readonly HashSet<string> strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance of a value (of each string of a text array); other values as they are.</summary>
    public object Share(object value)
    {
        switch (value)
        {
            case string text:
                return Share(text);
            case bool flag:
                return flag ? True : False;
            case int number and >= 0 and < SmallInts:
                return Ints[number];
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
