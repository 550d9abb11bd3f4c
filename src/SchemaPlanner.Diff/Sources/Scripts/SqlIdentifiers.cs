using System.Text;
using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Finds and renames an identifier in SQL text (a catalog definition, an expression) on the lexer's tokens, never
/// on the raw text: a string literal <c>'id'</c>, a comment, a longer name <c>id_old</c>, a function call
/// <c>id(…)</c> and a type after <c>::</c> are left alone. Unquoted words match case-insensitively, as PostgreSQL
/// folds them; quoted identifiers match exactly.
/// </summary>
public static class SqlIdentifiers
{
    /// <summary>Whether <paramref name="sql"/> names <paramref name="identifier"/>.</summary>
    public static bool Mentions(string sql, string identifier) => Matches(SqlLexer.Tokenize(sql), identifier).Any();

    /// <summary><paramref name="sql"/> with every mention of <paramref name="identifier"/> replaced by <paramref name="replacement"/> (quoted as needed).</summary>
    public static string Rename(string sql, string identifier, string replacement)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var hits = Matches(tokens, identifier).ToHashSet();
        if (hits.Count == 0)
        {
            return sql;
        }

        var result = new StringBuilder(sql.Length + 16);
        for (var i = 0; i < tokens.Count; i++)
        {
            result.Append(hits.Contains(i) ? Sql.Quote(replacement) : tokens[i].Text);
        }

        return result.ToString();
    }

    private static IEnumerable<int> Matches(IReadOnlyList<SqlToken> tokens, string identifier)
    {
        var bare = Sql.Quote(identifier) == identifier;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var same = token.Kind switch
            {
                SqlTokenKind.Word => bare && string.Equals(token.Text, identifier, StringComparison.OrdinalIgnoreCase),
                SqlTokenKind.QuotedIdentifier => !token.Unterminated && token.Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) == identifier,
                _ => false,
            };
            if (same && Neighbour(tokens, i, -1)?.Text != "::" && Neighbour(tokens, i, +1)?.Text != "(")
            {
                yield return i;
            }
        }
    }

    private static SqlToken? Neighbour(IReadOnlyList<SqlToken> tokens, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < tokens.Count; i += step)
        {
            if (!tokens[i].IsTrivia)
            {
                return tokens[i];
            }
        }

        return null;
    }
}
