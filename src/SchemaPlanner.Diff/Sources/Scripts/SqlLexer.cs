namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Splits SQL text into tokens the way PostgreSQL's scanner (and psql) does, closely enough to find statement
/// boundaries and names: comments nest, <c>''</c> escapes a quote, <c>E''</c> strings honour backslashes, dollar
/// quotes end only at the same tag, and <c>$</c> inside an identifier does not start a dollar quote. It never
/// throws: unterminated strings and comments run to the end of the text and are flagged
/// <see cref="SqlToken.Unterminated"/>. The tokens cover the text exactly, trivia included.
/// </summary>
public static class SqlLexer
{
    private const string OperatorChars = "~!@#^&|`?+-*/%<>=";
    private const string NonArithmeticOperatorChars = "~!@#^&|`?%";

    /// <summary>Every token of <paramref name="text"/>, in order, whitespace and comments included.</summary>
    public static IReadOnlyList<SqlToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<SqlToken>();
        var position = 0;
        var line = 1;
        var column = 1;
        while (position < text.Length)
        {
            var (kind, end, unterminated) = Scan(text, position);
            tokens.Add(new SqlToken(kind, text[position..end], position, line, column) { Unterminated = unterminated });
            Advance(text, position, end, ref line, ref column);
            position = end;
        }

        return tokens;
    }

    /// <summary>
    /// Moves a line/column pair over <c>text[from..to)</c>: <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> end a line;
    /// a surrogate pair is one column; a byte-order mark at offset 0 takes no column.
    /// </summary>
    internal static void Advance(string text, int from, int to, ref int line, ref int column)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                line++;
                column = 1;
            }
            else if ((char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) || (i == 0 && c == '\uFEFF'))
            {
                continue;
            }
            else
            {
                column++;
            }
        }
    }

    private static (SqlTokenKind Kind, int End, bool Unterminated) Scan(string text, int start)
    {
        var c = text[start];
        var next = Peek(text, start + 1);
        if (IsSpace(c) || (start == 0 && c == '\uFEFF'))
        {
            var end = start + 1;
            while (end < text.Length && IsSpace(text[end]))
            {
                end++;
            }

            return (SqlTokenKind.Whitespace, end, false);
        }

        switch (c)
        {
            case '-' when next == '-':
                return (SqlTokenKind.LineComment, EndOfLine(text, start), false);
            case '/' when next == '*':
                return BlockComment(text, start);
            case '\'':
                return Quoted(SqlTokenKind.String, text, start, '\'', backslashEscapes: false);
            case 'e' or 'E' when next == '\'':
                return Quoted(SqlTokenKind.String, text, start + 1, '\'', backslashEscapes: true);
            case 'b' or 'B' or 'x' or 'X' or 'n' or 'N' when next == '\'':
                return Quoted(SqlTokenKind.String, text, start + 1, '\'', backslashEscapes: false);
            case 'u' or 'U' when next == '&' && Peek(text, start + 2) == '\'':
                return Quoted(SqlTokenKind.String, text, start + 2, '\'', backslashEscapes: false);
            case 'u' or 'U' when next == '&' && Peek(text, start + 2) == '"':
                return Quoted(SqlTokenKind.QuotedIdentifier, text, start + 2, '"', backslashEscapes: false);
            case '"':
                return Quoted(SqlTokenKind.QuotedIdentifier, text, start, '"', backslashEscapes: false);
            case '$':
                return Dollar(text, start);
            case ';':
                return (SqlTokenKind.Semicolon, start + 1, false);
            case '.' when next == '.':
                return (SqlTokenKind.Punctuation, start + 2, false);
            case '.' when IsDigit(next):
                return (SqlTokenKind.Number, Number(text, start), false);
            case '(' or ')' or '[' or ']' or ',' or '.':
                return (SqlTokenKind.Punctuation, start + 1, false);
            case ':' when next is ':' or '=':
                return (SqlTokenKind.Operator, start + 2, false);
            case ':':
                return (SqlTokenKind.Punctuation, start + 1, false);
            case '\\':
                return (SqlTokenKind.PsqlCommand, EndOfLine(text, start), false);
        }

        if (IsIdentifierStart(c))
        {
            var end = start + 1;
            while (end < text.Length && (IsIdentifierStart(text[end]) || IsDigit(text[end]) || text[end] == '$'))
            {
                end++;
            }

            return (SqlTokenKind.Word, end, false);
        }

        if (IsDigit(c))
        {
            return (SqlTokenKind.Number, Number(text, start), false);
        }

        if (OperatorChars.Contains(c, StringComparison.Ordinal))
        {
            return (SqlTokenKind.Operator, Operator(text, start), false);
        }

        return (SqlTokenKind.Unknown, start + 1, false);
    }

    private static (SqlTokenKind, int, bool) BlockComment(string text, int start)
    {
        var depth = 1;
        var i = start + 2;
        while (i < text.Length)
        {
            if (text[i] == '/' && Peek(text, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && Peek(text, i + 1) == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return (SqlTokenKind.BlockComment, i, false);
                }
            }
            else
            {
                i++;
            }
        }

        return (SqlTokenKind.BlockComment, text.Length, true);
    }

    /// <summary>A quoted token whose opening quote is at <paramref name="quote"/> (any prefix sits before it).</summary>
    private static (SqlTokenKind, int, bool) Quoted(SqlTokenKind kind, string text, int quote, char delimiter, bool backslashEscapes)
    {
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == delimiter)
            {
                if (Peek(text, i + 1) == delimiter)
                {
                    i += 2;
                    continue;
                }

                return (kind, i + 1, false);
            }

            i++;
        }

        return (kind, text.Length, true);
    }

    private static (SqlTokenKind, int, bool) Dollar(string text, int start)
    {
        var i = start + 1;
        if (IsDigit(Peek(text, i)))
        {
            while (IsDigit(Peek(text, i)))
            {
                i++;
            }

            return (SqlTokenKind.Parameter, i, false);
        }

        if (IsIdentifierStart(Peek(text, i)))
        {
            i++;
            while (IsIdentifierStart(Peek(text, i)) || IsDigit(Peek(text, i)))
            {
                i++;
            }
        }

        if (Peek(text, i) != '$')
        {
            return (SqlTokenKind.Unknown, start + 1, false);
        }

        var tag = text[start..(i + 1)];
        var close = text.IndexOf(tag, i + 1, StringComparison.Ordinal);
        return close < 0
            ? (SqlTokenKind.DollarString, text.Length, true)
            : (SqlTokenKind.DollarString, close + tag.Length, false);
    }

    private static int Number(string text, int start)
    {
        var i = start;
        if (text[i] == '0' && Peek(text, i + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = char.ToLowerInvariant(text[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            var end = Digits(text, i + 2, radix, allowLeadingSeparator: true);
            if (end > i + 2)
            {
                return end;
            }
        }

        i = Digits(text, i, 10, allowLeadingSeparator: false);
        // "1..5" is an integer followed by "..", as in PostgreSQL's numericfail rule.
        if (Peek(text, i) == '.' && Peek(text, i + 1) != '.')
        {
            i = Digits(text, i + 1, 10, allowLeadingSeparator: false);
        }

        if (Peek(text, i) is 'e' or 'E')
        {
            var j = i + 1;
            if (Peek(text, j) is '+' or '-')
            {
                j++;
            }

            if (IsDigit(Peek(text, j)))
            {
                i = Digits(text, j, 10, allowLeadingSeparator: false);
            }
        }

        return i;
    }

    /// <summary>Digits of <paramref name="radix"/> with single <c>_</c> separators between them.</summary>
    private static int Digits(string text, int start, int radix, bool allowLeadingSeparator)
    {
        var i = start;
        while (i < text.Length)
        {
            if (IsDigit(text[i], radix))
            {
                i++;
            }
            else if (text[i] == '_' && (i > start || allowLeadingSeparator) && IsDigit(Peek(text, i + 1), radix))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int Operator(string text, int start)
    {
        var end = start;
        while (end < text.Length && OperatorChars.Contains(text[end], StringComparison.Ordinal))
        {
            // A comment start ends the operator, even in the middle of a run of operator characters.
            if (end > start && ((text[end] == '-' && Peek(text, end + 1) == '-') || (text[end] == '/' && Peek(text, end + 1) == '*')))
            {
                break;
            }

            end++;
        }

        // PostgreSQL gives back a trailing + or - (so "=-1" is "=" then "-1") unless the operator has a
        // character that cannot appear in an SQL-standard operator.
        var length = end - start;
        if (length > 1 && text[end - 1] is '+' or '-')
        {
            var nonStandard = false;
            for (var i = start; i < end - 1; i++)
            {
                nonStandard |= NonArithmeticOperatorChars.Contains(text[i], StringComparison.Ordinal);
            }

            if (!nonStandard)
            {
                do
                {
                    length--;
                }
                while (length > 1 && text[start + length - 1] is '+' or '-');
            }
        }

        return start + length;
    }

    private static int EndOfLine(string text, int start)
    {
        var end = text.IndexOfAny(['\r', '\n'], start);
        return end < 0 ? text.Length : end;
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsDigit(char c, int radix) => radix switch
    {
        16 => Uri.IsHexDigit(c),
        8 => c is >= '0' and <= '7',
        2 => c is '0' or '1',
        _ => IsDigit(c),
    };

    /// <summary>PostgreSQL treats every non-ASCII character as a letter.</summary>
    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or >= '\u0080';
}
