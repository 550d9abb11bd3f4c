using System.Text.RegularExpressions;

namespace SchemaPlanner.Tests.Architecture;

/// <summary>
/// Whether a C# string literal holds a SQL statement. It does when, after whitespace and SQL comments, it starts
/// with a SQL command keyword written in capitals (the way this code base writes SQL) followed by whitespace and a
/// second SQL token (a capital keyword, an identifier, a quoted name, a parenthesis, <c>*</c>, a parameter, a
/// number or an interpolation hole), unless it is prose or a clause:
/// <list type="bullet">
/// <item>prose: a rule message or diagnostic naming a statement ("SET NOT NULL on x scans the table …"),
/// recognised by an English function word (the, an, of, is, …) outside SQL comments and quotes;</item>
/// <item>a clause of ALTER TABLE or a foreign key action, not a statement: <c>SET NULL</c>, <c>SET DEFAULT</c>,
/// <c>SET LOGGED</c>, <c>DROP EXPRESSION</c> and the like.</item>
/// </list>
/// Lower-case text ("drop table x (no app version uses it)", a change's description) is not SQL here. A
/// keyword alone or a bare prefix (<c>"ROLLBACK"</c>, <c>"SAVEPOINT "</c>) has no second token and is not counted.
/// </summary>
internal static partial class SqlStatementLiterals
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "WITH", "SET", "RESET", "DO", "BEGIN", "COMMIT",
        "ROLLBACK", "LOCK", "ANALYZE", "VACUUM", "COPY", "GRANT", "REVOKE", "COMMENT", "TRUNCATE", "REFRESH", "REINDEX",
        "CLUSTER", "SHOW", "EXPLAIN", "DECLARE", "FETCH", "LISTEN", "NOTIFY", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE",
        "DEALLOCATE", "DISCARD", "CALL",
    };

    /// <summary>Words after SET or DROP that make an ALTER TABLE / ALTER COLUMN clause or a foreign key action.</summary>
    private static readonly IReadOnlySet<string> ClauseWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "NOT", "NULL", "DEFAULT", "LOGGED", "UNLOGGED", "EXPRESSION", "DATA", "STATISTICS", "STORAGE", "WITHOUT",
        "IDENTITY", "COLUMN", "CONSTRAINT", "ACCESS", "TABLESPACE", "COMPRESSION",
    };

    private static readonly IReadOnlySet<string> ProseWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "an", "of", "is", "are", "does", "its", "it", "be", "but", "so", "their", "which", "must", "cannot",
    };

    public static bool IsStatement(string literal)
    {
        var text = SkipCommentsAndSpace(literal);
        var head = Head().Match(text);
        if (!head.Success || !Keywords.Contains(head.Groups["keyword"].Value))
        {
            return false;
        }

        var keyword = head.Groups["keyword"].Value;
        var second = head.Groups["word"].Value;
        if (keyword is "SET" or "DROP" && ClauseWords.Contains(second))
        {
            return false;
        }

        return !Words().Matches(Comments().Replace(Quoted().Replace(text, " "), " ")).Any(w => ProseWords.Contains(w.Value));
    }

    private static string SkipCommentsAndSpace(string text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (string.CompareOrdinal(text, i, "--", 0, 2) == 0)
            {
                var eol = text.IndexOf('\n', i);
                i = eol < 0 ? text.Length : eol;
            }
            else if (string.CompareOrdinal(text, i, "/*", 0, 2) == 0)
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
            }
            else
            {
                return text[i..];
            }
        }
    }

    /// <summary>A capital keyword, whitespace, then a second SQL token (its leading word, if any, captured).</summary>
    [GeneratedRegex("""^(?<keyword>[A-Z]+)\s+(?:(?<word>[A-Z][A-Z_]*)\b|[a-z_][a-z0-9_.]*|["(*${]|\d)""")]
    private static partial Regex Head();

    [GeneratedRegex(@"\b[a-z]+\b")]
    private static partial Regex Words();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex Quoted();
}
