using System.Globalization;
using System.Text;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>How PostgreSQL turns identifier and literal tokens into values, and how it makes up object names.</summary>
internal static class PostgresText
{
    /// <summary>NAMEDATALEN - 1: the longest identifier, in bytes.</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>Folds an unquoted identifier like <c>downcase_identifier</c> does in UTF-8: ASCII letters only.</summary>
    public static string FoldIdentifier(string word)
    {
        var folded = string.Create(word.Length, word, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        });
        return TruncateIdentifier(folded);
    }

    /// <summary>The value of a <c>"..."</c> or <c>U&amp;"..."</c> token (an unterminated one runs to its end).</summary>
    public static string UnquoteIdentifier(string text)
    {
        var unicode = text.Length > 2 && text[0] is 'u' or 'U' && text[1] == '&';
        var start = unicode ? 3 : 1;
        var body = Body(text, start, "\"");
        body = body.Replace("\"\"", "\"", StringComparison.Ordinal);
        return TruncateIdentifier(unicode ? DecodeUnicodeEscapes(body) : body);
    }

    /// <summary>The value of a string or dollar-quoted token, escapes decoded.</summary>
    public static string DecodeString(string text)
    {
        if (text.Length > 0 && text[0] == '$')
        {
            var tagEnd = text.IndexOf('$', 1);
            var tag = text[..(tagEnd + 1)];
            return Body(text, tag.Length, tag);
        }

        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        var prefix = text[..quote];
        var body = Body(text, quote + 1, "'");
        if (prefix is "E" or "e")
        {
            return DecodeBackslashEscapes(body);
        }

        body = body.Replace("''", "'", StringComparison.Ordinal);
        return prefix is "U&" or "u&" ? DecodeUnicodeEscapes(body) : body;
    }

    /// <summary>Cuts an identifier to 63 bytes at a character boundary, as <c>truncate_identifier</c> does.</summary>
    public static string TruncateIdentifier(string identifier) => ClipBytes(identifier, MaxIdentifierBytes);

    /// <summary>The longest prefix of <paramref name="value"/> that fits in <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    public static string ClipBytes(string value, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes)
        {
            return value;
        }

        var bytes = 0;
        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return value[..length];
    }

    private static string Body(string text, int start, string closing)
    {
        var end = text.Length >= start + closing.Length && text.EndsWith(closing, StringComparison.Ordinal)
            ? text.Length - closing.Length
            : text.Length;
        return end > start ? text[start..end] : string.Empty;
    }

    private static string DecodeBackslashEscapes(string body)
    {
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\'' && i + 1 < body.Length && body[i + 1] == '\'')
            {
                builder.Append('\'');
                i++;
                continue;
            }

            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = body[++i];
            switch (next)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case >= '0' and <= '7':
                    i = AppendCode(builder, body, i, 3, 8) - 1;
                    break;
                case 'x' when i + 1 < body.Length && Uri.IsHexDigit(body[i + 1]):
                    i = AppendCode(builder, body, i + 1, 2, 16) - 1;
                    break;
                case 'u' when HasHexDigits(body, i + 1, 4):
                    i = AppendCode(builder, body, i + 1, 4, 16) - 1;
                    break;
                case 'U' when HasHexDigits(body, i + 1, 8):
                    i = AppendCode(builder, body, i + 1, 8, 16) - 1;
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }

    private static string DecodeUnicodeEscapes(string body)
    {
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
            }
            else if (body[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else if (body[i + 1] == '+' && HasHexDigits(body, i + 2, 6))
            {
                i = AppendCode(builder, body, i + 2, 6, 16) - 1;
            }
            else if (HasHexDigits(body, i + 1, 4))
            {
                i = AppendCode(builder, body, i + 1, 4, 16) - 1;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool HasHexDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!Uri.IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the code point written with up to <paramref name="maxDigits"/> digits; returns the index after them.</summary>
    private static int AppendCode(StringBuilder builder, string text, int start, int maxDigits, int radix)
    {
        var end = start;
        var code = 0;
        while (end < text.Length && end - start < maxDigits)
        {
            var digit = radix == 8
                ? (text[end] is >= '0' and <= '7' ? text[end] - '0' : -1)
                : (Uri.IsHexDigit(text[end]) ? int.Parse(text.AsSpan(end, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : -1);
            if (digit < 0)
            {
                break;
            }

            code = (code * radix) + digit;
            end++;
        }

        builder.Append(Rune.IsValid(code) ? new Rune(code).ToString() : "\uFFFD");
        return end;
    }
}
