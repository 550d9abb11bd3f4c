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

    /// <summary>Whether <paramref name="sql"/> calls a function named <paramref name="function"/> (its name token followed by <c>(</c>).</summary>
    public static bool Calls(string sql, string function)
    {
        var tokens = SqlLexer.Tokenize(sql);
        return Enumerable.Range(0, tokens.Count).Any(i => Names(tokens[i], function) && Neighbour(tokens, i, +1)?.Text == "(");
    }

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

    /// <summary>
    /// <paramref name="sql"/> with every cast to <paramref name="oldType"/> (<c>::name</c> or <c>::schema.name</c>,
    /// arrays included) turned into a cast to <paramref name="newType"/>; a literal such as <c>'x::mood'</c>, a
    /// comment and a longer name are left alone.
    /// </summary>
    public static string RetypeCasts(string sql, QualifiedName oldType, QualifiedName newType)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var result = new StringBuilder(sql.Length + 16);
        for (var i = 0; i < tokens.Count; i++)
        {
            result.Append(tokens[i].Text);
            if (tokens[i].Text != "::" || Cast(tokens, i + 1, oldType) is not { } last)
            {
                continue;
            }

            result.Append(newType.Sql);
            i = last;
        }

        return result.ToString();
    }

    /// <summary>The index of the type's last name token when the tokens at <paramref name="start"/> name it.</summary>
    private static int? Cast(IReadOnlyList<SqlToken> tokens, int start, QualifiedName type)
    {
        SqlToken? At(int i) => i < tokens.Count ? tokens[i] : null;
        var name = At(start) is { } first && At(start + 1)?.Text == "." && Names(first, type.Schema) ? start + 2 : start;
        if (At(name) is not { } last || !Names(last, type.Name) || At(name + 1)?.Text == ".")
        {
            return null;
        }

        return name;
    }

    private static IEnumerable<int> Matches(IReadOnlyList<SqlToken> tokens, string identifier)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Names(tokens[i], identifier) && Neighbour(tokens, i, -1)?.Text != "::" && Neighbour(tokens, i, +1)?.Text != "(")
            {
                yield return i;
            }
        }
    }

    /// <summary>Whether the token is the name: an unquoted word as PostgreSQL folds it, or the quoted identifier exactly.</summary>
    private static bool Names(SqlToken token, string identifier) => token.Kind switch
    {
        SqlTokenKind.Word => Sql.Quote(identifier) == identifier && string.Equals(token.Text, identifier, StringComparison.OrdinalIgnoreCase),
        SqlTokenKind.QuotedIdentifier => !token.Unterminated && token.Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) == identifier,
        _ => false,
    };

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
