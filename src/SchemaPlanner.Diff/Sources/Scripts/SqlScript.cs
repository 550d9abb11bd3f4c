namespace SchemaPlanner.Sources.Scripts;

/// <summary>Splits SQL scripts into statements and maps offsets back to file positions.</summary>
public static class SqlScript
{
    /// <summary>
    /// The statements of <paramref name="text"/>, split at semicolons that are outside strings, quoted
    /// identifiers, comments, dollar quotes and parentheses, and outside the <c>BEGIN ATOMIC ... END</c> body of
    /// a <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c> (counting <c>CASE ... END</c> inside it). Empty statements
    /// are skipped; a psql meta-command line (<c>\restrict</c>, <c>\connect</c>) also ends a statement and belongs
    /// to none. Everything <c>pg_dump --schema-only</c> writes splits into statements PostgreSQL accepts one by one.
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

    /// <summary>
    /// <paramref name="text"/> as one statement, not split: one that SchemaPlanner generated itself (a routine body
    /// with its own semicolons stays whole), for the batching that reads a statement's leading words.
    /// </summary>
    public static SqlStatement Statement(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SqlLexer.Tokenize(text).Where(t => t.Kind != SqlTokenKind.Whitespace).ToList();
        return new SqlStatement(file, text, 0, new SourceLocation(file, 1, 1), tokens);
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

    /// <summary>
    /// Tracks parentheses and the <c>BEGIN ATOMIC ... END</c> depth of a routine body, as psql does but stricter
    /// where psql's heuristic splits or swallows valid statements: only <c>BEGIN</c> followed by <c>ATOMIC</c> opens a
    /// body (a routine or parameter named <c>begin</c> does not), <c>CASE</c> counts only inside one (a
    /// <c>RETURN CASE ... END</c> body has none to close), and a qualified name (<c>t.begin</c>, <c>t.end</c>) is no
    /// keyword. <c>BEGIN ATOMIC</c> does not nest in PostgreSQL, but <c>CASE ... END</c> does inside it.
    /// </summary>
    private sealed class StatementTracker
    {
        private readonly List<string> leadingWords = new(4);
        private SqlToken? previous;
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

                if (parentheses == 0 && IsRoutine() && previous?.IsSymbol(".") != true)
                {
                    Count(token);
                }
            }

            previous = token;
        }

        private void Count(SqlToken word)
        {
            if (word.IsWord("atomic") && previous?.IsWord("begin") == true)
            {
                blocks++;
            }
            else if (word.IsWord("case") && blocks > 0)
            {
                blocks++;
            }
            else if (word.IsWord("end") && blocks > 0)
            {
                blocks--;
            }
        }

        private bool IsRoutine() =>
            leadingWords.Count >= 2 && leadingWords[0] == "create" &&
            (leadingWords[1] is "function" or "procedure" ||
             (leadingWords.Count >= 4 && leadingWords[1] == "or" && leadingWords[2] == "replace" &&
              leadingWords[3] is "function" or "procedure"));
    }
}
