namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Where, inside one statement, an object PostgreSQL says the statement made is written: its name, a column
/// definition, a constraint. PostgreSQL names the object; the lexer only finds the name's tokens. Every method
/// returns null when the text does not show the object (e.g. an unnamed index, an inherited column).
/// </summary>
internal static class StatementPositions
{
    /// <summary>Keywords that open DDL statements, skipped before looking for a name (a table may be called <c>"table"</c>).</summary>
    private static readonly HashSet<string> HeaderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "create", "or", "replace", "alter", "table", "if", "not", "exists", "unique", "index", "concurrently", "on",
        "only", "view", "materialized", "temp", "temporary", "unlogged", "recursive", "global", "local", "foreign",
        "schema", "sequence", "type", "domain", "function", "procedure", "aggregate", "routine", "trigger", "policy",
        "extension", "constraint", "event", "trusted", "procedural", "language", "collation", "authorization",
    };

    /// <summary>The first written (possibly qualified) name ending in <paramref name="name"/>, at its first part.</summary>
    public static SourceLocation? Name(SqlStatement statement, string name)
    {
        var tokens = Significant(statement);
        for (var i = HeaderEnd(tokens); i < tokens.Count; i++)
        {
            if (tokens[i].Identifier == name)
            {
                var first = i;
                while (first >= 2 && tokens[first - 1].IsSymbol(".") && tokens[first - 2].Identifier is not null)
                {
                    first -= 2;
                }

                return tokens[first].LocationIn(statement.File);
            }
        }

        return null;
    }

    /// <summary>
    /// The column's name where a definition or an <c>ALTER COLUMN</c> starts: first in a table's parenthesised
    /// item list, or after <c>ADD</c>, <c>COLUMN</c>, <c>ALTER</c> or <c>IF NOT EXISTS</c>.
    /// </summary>
    public static SourceLocation? Column(SqlStatement statement, string column)
    {
        var tokens = Significant(statement);
        return ColumnIndex(tokens, column) is { } at ? tokens[at].LocationIn(statement.File) : null;
    }

    /// <summary>
    /// A table constraint: <c>CONSTRAINT name</c> when written so; an unnamed one at its keyword inside the
    /// definition of its single column, else at the table constraint item of its kind (and columns).
    /// <paramref name="earlier"/> unnamed ones of the same kind and columns came before it in the statement.
    /// </summary>
    public static SourceLocation? Constraint(SqlStatement statement, string name, char kind, IReadOnlyList<string> columns, int earlier)
    {
        var tokens = Significant(statement);
        if (NamedAt(tokens, name) is { } named)
        {
            return tokens[named].LocationIn(statement.File);
        }

        var (inline, item) = kind switch
        {
            'p' => ("primary", "primary"),
            'u' => ("unique", "unique"),
            'f' => ("references", "foreign"),
            'c' => ("check", "check"),
            'x' => ("exclude", "exclude"),
            _ => (null, null),
        };
        if (inline is null || item is null)
        {
            return null;
        }

        if (columns.Count == 1 && ColumnIndex(tokens, columns[0]) is { } start)
        {
            var end = ItemEnd(tokens, start);
            for (var i = start + 1; i < end; i++)
            {
                if (tokens[i].IsWord(inline) && !IsNamed(tokens, i) && earlier-- == 0)
                {
                    return tokens[i].LocationIn(statement.File);
                }
            }
        }

        SqlToken? firstOfKind = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord(item) || IsNamed(tokens, i) || !StartsItem(tokens, i))
            {
                continue;
            }

            firstOfKind ??= tokens[i];
            var open = tokens.FindIndex(i, t => t.IsSymbol("("));
            if (open >= 0 && columns.All(c => Mentions(tokens, open, c)) && earlier-- <= 0)
            {
                return tokens[i].LocationIn(statement.File);
            }
        }

        return firstOfKind?.LocationIn(statement.File);
    }

    /// <summary>Whether the statement writes <c>CONSTRAINT name</c>.</summary>
    public static bool Names(SqlStatement statement, string name) => NamedAt(Significant(statement), name) is not null;

    private static int? NamedAt(List<SqlToken> tokens, string name)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].IsWord("constraint") && tokens[i + 1].Identifier == name)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The target of <c>COMMENT ON target IS ...</c>: its first token.</summary>
    public static SourceLocation? CommentTarget(SqlStatement statement)
    {
        var tokens = Significant(statement);
        return tokens.Count > 2 && tokens[0].IsWord("comment") && tokens[1].IsWord("on") ? tokens[2].LocationIn(statement.File) : null;
    }

    /// <summary>The statement's first name after its opening keywords (the fallback when PostgreSQL cannot say what a statement made).</summary>
    public static (string Name, SourceLocation Location)? FirstName(SqlStatement statement)
    {
        var tokens = Significant(statement);
        var start = HeaderEnd(tokens);
        if (start >= tokens.Count || !tokens[0].IsWord("create"))
        {
            return null;
        }

        var last = start;
        while (last + 2 < tokens.Count && tokens[last + 1].IsSymbol(".") && tokens[last + 2].Identifier is not null)
        {
            last += 2;
        }

        return tokens[last].Identifier is { } name ? (name, tokens[start].LocationIn(statement.File)) : null;
    }

    private static List<SqlToken> Significant(SqlStatement statement) => statement.SignificantTokens.ToList();

    private static int HeaderEnd(List<SqlToken> tokens)
    {
        var i = 0;
        while (i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word && HeaderWords.Contains(tokens[i].Text))
        {
            i++;
        }

        return i;
    }

    private static int? ColumnIndex(List<SqlToken> tokens, string column)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")"))
            {
                depth--;
            }
            else if (i > 0 && token.Identifier == column)
            {
                var previous = tokens[i - 1];
                var startsItem = depth == 1 && (previous.IsSymbol("(") || previous.IsSymbol(","));
                var afterKeyword = depth == 0 && (previous.IsWord("add") || previous.IsWord("column") || previous.IsWord("alter") || previous.IsWord("exists"));
                if (startsItem || afterKeyword)
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>Just past the item starting at <paramref name="start"/>: the next comma or closing parenthesis at its depth.</summary>
    private static int ItemEnd(List<SqlToken> tokens, int start)
    {
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (tokens[i].IsSymbol(")") && --depth < 0)
            {
                return i;
            }
            else if (depth == 0 && tokens[i].IsSymbol(","))
            {
                return i;
            }
        }

        return tokens.Count;
    }

    private static bool IsNamed(List<SqlToken> tokens, int keyword) => keyword >= 2 && tokens[keyword - 2].IsWord("constraint");

    private static bool StartsItem(List<SqlToken> tokens, int i) =>
        i > 0 && (tokens[i - 1].IsSymbol(",") || tokens[i - 1].IsSymbol("(") || tokens[i - 1].IsWord("add") ||
                  tokens[i - 1].Kind != SqlTokenKind.Punctuation);

    private static bool Mentions(List<SqlToken> tokens, int open, string column)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (tokens[i].IsSymbol(")") && --depth == 0)
            {
                return false;
            }
            else if (tokens[i].Identifier == column)
            {
                return true;
            }
        }

        return false;
    }
}
