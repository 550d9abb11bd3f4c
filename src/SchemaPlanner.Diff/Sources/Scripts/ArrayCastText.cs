using System.Text;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// PostgreSQL's deparsed expressions are not a fixed point for IN lists over a type that needs a cast:
/// <c>status IN ('a', 'b')</c> on a <c>varchar</c> column is stored and shown as
/// <c>((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))</c>, but that text,
/// run again (as every plan does), is stored as <c>… ANY (ARRAY[('a'::character varying)::text, ('b'::character
/// varying)::text])</c>. Both mean the same (an array cast casts each element). Catalog text read for comparison
/// (CHECKs, index definitions and predicates, domain checks, policy expressions) is brought to the first form, so
/// a desired schema written with IN lists and the database the plan made from it compare equal.
/// </summary>
public static class ArrayCastText
{
    /// <summary><paramref name="text"/> with every <c>ARRAY[(e1)::t, (e2)::t, …]</c> written <c>(ARRAY[e1, e2, …])::t[]</c>.</summary>
    public static string Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("ARRAY[", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        // Each rewrite removes one ARRAY of element casts; inner ones are found on the next pass.
        for (var pass = 0; pass < 32; pass++)
        {
            var rewritten = RewriteFirst(text);
            if (rewritten is null)
            {
                return text;
            }

            text = rewritten;
        }

        return text;
    }

    private static string? RewriteFirst(string text)
    {
        var tokens = SqlLexer.Tokenize(text).Where(t => t.Kind != SqlTokenKind.Whitespace).ToList();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsWord("array") || !tokens[i + 1].IsSymbol("[") || Close(tokens, i + 1, "[", "]") is not { } close)
            {
                continue;
            }

            var elements = Split(tokens, i + 2, close);
            var casts = elements.Select(e => ElementCast(text, tokens, e.Start, e.End)).ToList();
            if (casts.Count == 0 || casts.Any(c => c is null) || casts.Select(c => c!.Value.Type).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                continue;
            }

            var result = new StringBuilder(text.Length);
            result.Append(text, 0, tokens[i].Offset)
                .Append("(ARRAY[")
                .AppendJoin(", ", casts.Select(c => c!.Value.Inner))
                .Append("])::")
                .Append(casts[0]!.Value.Type)
                .Append("[]")
                .Append(text, tokens[close].End, text.Length - tokens[close].End);
            return result.ToString();
        }

        return null;
    }

    /// <summary>The element <c>( inner )::type</c> between token indexes <paramref name="start"/> and <paramref name="end"/> (exclusive), as texts.</summary>
    private static (string Inner, string Type)? ElementCast(string text, List<SqlToken> tokens, int start, int end)
    {
        if (end - start < 4 || !tokens[start].IsSymbol("(") || Close(tokens, start, "(", ")") is not { } close
            || close + 2 > end - 1 || !tokens[close + 1].IsSymbol("::"))
        {
            return null;
        }

        for (var j = close + 2; j < end; j++)
        {
            var t = tokens[j];
            if (t.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.Number)
                && !t.IsSymbol(".") && !t.IsSymbol("(") && !t.IsSymbol(")") && !t.IsSymbol(","))
            {
                return null;
            }
        }

        var inner = text[tokens[start + 1].Offset..tokens[close - 1].End];
        var type = text[tokens[close + 2].Offset..tokens[end - 1].End];
        return (inner, type);
    }

    /// <summary>The index of the token closing the bracket at <paramref name="open"/>, or null.</summary>
    private static int? Close(List<SqlToken> tokens, int open, string opening, string closing)
    {
        var depth = 0;
        for (var j = open; j < tokens.Count; j++)
        {
            if (tokens[j].IsSymbol("(") || tokens[j].IsSymbol("["))
            {
                depth++;
            }
            else if (tokens[j].IsSymbol(")") || tokens[j].IsSymbol("]"))
            {
                if (--depth == 0)
                {
                    return tokens[j].IsSymbol(closing) && tokens[open].IsSymbol(opening) ? j : null;
                }
            }
        }

        return null;
    }

    /// <summary>The top-level comma-separated ranges of token indexes in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static List<(int Start, int End)> Split(List<SqlToken> tokens, int start, int end)
    {
        var ranges = new List<(int, int)>();
        var depth = 0;
        var from = start;
        for (var j = start; j < end; j++)
        {
            if (tokens[j].IsSymbol("(") || tokens[j].IsSymbol("["))
            {
                depth++;
            }
            else if (tokens[j].IsSymbol(")") || tokens[j].IsSymbol("]"))
            {
                depth--;
            }
            else if (depth == 0 && tokens[j].IsSymbol(","))
            {
                ranges.Add((from, j));
                from = j + 1;
            }
        }

        if (end > from)
        {
            ranges.Add((from, end));
        }

        return ranges;
    }
}
