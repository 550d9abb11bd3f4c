namespace SchemaPlanner.Sources.Scripts;

/// <summary>Splits SQL scripts into statements and maps offsets back to file positions.</summary>
public static class SqlScript
{
    /// <summary>
    /// The statements of <paramref name="text"/>, split at semicolons that are outside strings, quoted
    /// identifiers, comments, dollar quotes and parentheses, and outside the <c>BEGIN ATOMIC ... END</c> body of
    /// a <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c> (tracked as psql does, counting <c>CASE ... END</c>
    /// inside it). Empty statements are skipped; a psql meta-command line (<c>\connect</c>) also ends a statement
    /// and belongs to none.
    /// </summary>
    public static IReadOnlyList<SqlStatement> Split(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SqlLexer.Tokenize(text);
        var statements = new List<SqlStatement>();
        var splitter = new StatementTracker();
        var first = -1;
        var last = -1;

        void Flush()
        {
            if (first >= 0)
            {
                var start = tokens[first];
                var inside = new List<SqlToken>(last - first + 1);
                for (var i = first; i <= last; i++)
                {
                    if (tokens[i].Kind != SqlTokenKind.Whitespace)
                    {
                        inside.Add(tokens[i]);
                    }
                }

                statements.Add(new SqlStatement(
                    file,
                    text[start.Offset..tokens[last].End],
                    start.Offset,
                    start.LocationIn(file),
                    inside));
            }

            first = -1;
            last = -1;
            splitter = new StatementTracker();
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.PsqlCommand || (token.Kind == SqlTokenKind.Semicolon && splitter.AtTopLevel))
            {
                Flush();
                continue;
            }

            if (token.IsTrivia)
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            last = i;
            splitter.Add(token);
        }

        Flush();
        return statements;
    }

    /// <summary>The file position of a 0-based offset (UTF-16 index) into <paramref name="text"/>.</summary>
    public static SourceLocation LocationOf(string file, string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var column = 1;
        SqlLexer.Advance(text, 0, Math.Clamp(offset, 0, text.Length), ref line, ref column);
        return new SourceLocation(file, line, column);
    }

    /// <summary>
    /// The file position of PostgreSQL's error <c>Position</c> (the 1-based character index it reports, e.g.
    /// <c>PostgresException.Position</c>) when <paramref name="text"/> was sent as one query.
    /// </summary>
    public static SourceLocation LocationOfErrorPosition(string file, string text, int position) =>
        LocationOf(file, text, OffsetOfErrorPosition(text, position));

    /// <summary>
    /// Converts PostgreSQL's 1-based character position (it counts code points, so a surrogate pair is one)
    /// into a 0-based UTF-16 offset, clamped to the text.
    /// </summary>
    public static int OffsetOfErrorPosition(string text, int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = 0;
        for (var remaining = position - 1; remaining > 0 && offset < text.Length; remaining--)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }

    /// <summary>Tracks parentheses and psql's BEGIN/CASE/END depth inside routine bodies.</summary>
    private sealed class StatementTracker
    {
        private readonly List<string> leadingWords = new(4);
        private int parentheses;
        private int blocks;

        public bool AtTopLevel => parentheses == 0 && blocks == 0;

        public void Add(SqlToken token)
        {
            if (token.IsSymbol("("))
            {
                parentheses++;
            }
            else if (token.IsSymbol(")"))
            {
                parentheses = Math.Max(0, parentheses - 1);
            }
            else if (token.Kind == SqlTokenKind.Word)
            {
                if (leadingWords.Count < 4)
                {
                    leadingWords.Add(token.Text.ToLowerInvariant());
                }

                if (parentheses == 0 && IsRoutine())
                {
                    if (token.IsWord("begin") || (token.IsWord("case") && blocks > 0))
                    {
                        blocks++;
                    }
                    else if (token.IsWord("end") && blocks > 0)
                    {
                        blocks--;
                    }
                }
            }
        }

        private bool IsRoutine() =>
            leadingWords.Count >= 2 && leadingWords[0] == "create" &&
            (leadingWords[1] is "function" or "procedure" ||
             (leadingWords.Count >= 4 && leadingWords[1] == "or" && leadingWords[2] == "replace" &&
              leadingWords[3] is "function" or "procedure"));
    }
}
