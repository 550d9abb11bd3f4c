namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// The names PostgreSQL makes up for indexes and index-backed constraints declared without one
/// (<c>ChooseIndexColumnNames</c>, <c>ChooseIndexNameAddition</c>, <c>FigureIndexColname</c>), best effort.
/// </summary>
internal static class DefaultIndexNames
{
    /// <summary>The elements of a <c>(a, b) [INCLUDE (c)]</c> key list at the cursor, include columns last.</summary>
    public static List<(int Start, int End)> ColumnListElements(TokenCursor c)
    {
        var elements = new List<(int Start, int End)>();
        if (!c.IsSymbol("("))
        {
            return elements;
        }

        var close = c.CloseOf(c.Position);
        elements.AddRange(c.SplitTopLevel(c.Position + 1, close));
        if (close + 2 < c.End && c.Tokens[close + 1].IsWord("include") && c.Tokens[close + 2].IsSymbol("("))
        {
            elements.AddRange(c.SplitTopLevel(close + 3, c.CloseOf(close + 2)));
        }

        return elements;
    }

    /// <summary>
    /// The column names PostgreSQL derives for index elements (<c>ChooseIndexColumnNames</c>): the column, the
    /// function name of an expression like <c>lower(email)</c>, else <c>expr</c>; repeats get a number.
    /// </summary>
    public static List<string> IndexColumnNames(TokenCursor c, IEnumerable<(int Start, int End)> elements)
    {
        var names = new List<string>();
        foreach (var (start, end) in elements)
        {
            var original = ElementName(c, start, end) ?? "expr";
            var name = original;
            for (var i = 1; names.Contains(name, StringComparer.Ordinal); i++)
            {
                var suffix = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                name = PostgresText.ClipBytes(original, PostgresText.MaxIdentifierBytes - suffix.Length) + suffix;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Column names joined by <c>_</c> (<c>ChooseIndexNameAddition</c>); PostgreSQL stops once past 63 bytes.</summary>
    public static string IndexNameAddition(IEnumerable<string> names)
    {
        var joined = string.Empty;
        foreach (var name in names)
        {
            joined = joined.Length == 0 ? name : joined + "_" + name;
            if (System.Text.Encoding.UTF8.GetByteCount(joined) > PostgresText.MaxIdentifierBytes)
            {
                break;
            }
        }

        return joined;
    }

    private static string? ElementName(TokenCursor c, int start, int end)
    {
        if (start >= end)
        {
            return null;
        }

        var first = c.Tokens[start];
        if (first.IsSymbol("("))
        {
            return FigureColumnName(c, start + 1, c.CloseOf(start)).Name;
        }

        // A bare element is a column (then opclass, COLLATE, ASC...) or a function call.
        var sub = c.Sub(start, end);
        if (sub.TryReadName(out var parts, out _) && sub.IsSymbol("("))
        {
            return parts[^1];
        }

        return first.Identifier;
    }

    /// <summary>A small take on PostgreSQL's <c>FigureColname</c>: the name and its strength (2 strong, 1 weak, 0 none).</summary>
    private static (string? Name, int Strength) FigureColumnName(TokenCursor c, int start, int end)
    {
        while (start < end && c.Tokens[start].IsSymbol("(") && c.CloseOf(start) == end - 1)
        {
            start++;
            end--;
        }

        if (start >= end)
        {
            return (null, 0);
        }

        var cast = -1;
        for (var i = start; i < end; i++)
        {
            if (c.Tokens[i].IsSymbol("(") || c.Tokens[i].IsSymbol("["))
            {
                i = c.Tokens[i].IsSymbol("(") ? c.CloseOf(i) : CloseBracket(c, i, end);
            }
            else if (c.Tokens[i].IsSymbol("::"))
            {
                cast = i;
            }
            else if (c.Tokens[i].IsWord("collate") && i > start)
            {
                // COLLATE binds tighter than any operator and is transparent to the name.
                return FigureColumnName(c, start, i);
            }
        }

        if (cast > start)
        {
            var argument = FigureColumnName(c, start, cast);
            var typeName = LastIdentifierOfTypeName(c, cast + 1, end);
            return argument.Strength > 1 || typeName is null ? argument : (typeName, 1);
        }

        var sub = c.Sub(start, end);
        var first = c.Tokens[start];
        if (first.IsWord("case") && c.Tokens[end - 1].IsWord("end"))
        {
            return ("case", 1);
        }

        if (first.IsWord("array") && start + 1 < end && c.Tokens[start + 1].IsSymbol("["))
        {
            return CloseBracket(c, start + 1, end) == end - 1 ? ("array", 1) : (null, 0);
        }

        if (!sub.TryReadName(out var parts, out _))
        {
            return (null, 0);
        }

        if (sub.AtEnd)
        {
            return (parts[^1], 2);
        }

        if (sub.IsSymbol("(") && sub.CloseOf(sub.Position) == end - 1)
        {
            if (parts.Count == 1 && parts[0] == "cast")
            {
                var inner = sub.Position + 1;
                var asAt = c.Tokens.FindIndex(inner, end - 1 - inner, t => t.IsWord("as"));
                if (asAt > inner)
                {
                    var argument = FigureColumnName(c, inner, asAt);
                    var typeName = LastIdentifierOfTypeName(c, asAt + 1, end - 1);
                    return argument.Strength > 1 || typeName is null ? argument : (typeName, 1);
                }
            }

            return parts.Count == 1 && parts[0] == "row" ? ("row", 1) : (parts[^1], 2);
        }

        return (null, 0);
    }

    private static string? LastIdentifierOfTypeName(TokenCursor c, int start, int end)
    {
        var sub = c.Sub(start, end);
        return sub.TryReadName(out var parts, out _) ? parts[^1] : null;
    }

    private static int CloseBracket(TokenCursor c, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (c.Tokens[i].IsSymbol("["))
            {
                depth++;
            }
            else if (c.Tokens[i].IsSymbol("]") && --depth == 0)
            {
                return i;
            }
        }

        return end;
    }
}
