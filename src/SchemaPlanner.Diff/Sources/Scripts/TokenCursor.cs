namespace SchemaPlanner.Sources.Scripts;

/// <summary>A window <c>[Start, End)</c> on a statement's significant tokens, with a read position.</summary>
internal sealed class TokenCursor
{
    private readonly string file;
    private readonly List<SqlToken> tokens;
    private readonly int end;

    public TokenCursor(string file, List<SqlToken> tokens, int start, int end)
    {
        this.file = file;
        this.tokens = tokens;
        this.end = end;
        Start = start;
        Position = start;
    }

    public List<SqlToken> Tokens => tokens;

    public int Start { get; }

    public int End => end;

    public int Position { get; set; }

    public bool AtEnd => Position >= end;

    public SqlToken? Current => Position < end ? tokens[Position] : null;

    public SqlToken? Peek(int ahead = 1) => Position + ahead < end ? tokens[Position + ahead] : null;

    public bool IsWord(string word, int ahead = 0) => Peek(ahead)?.IsWord(word) == true;

    public bool IsSymbol(string symbol, int ahead = 0) => Peek(ahead)?.IsSymbol(symbol) == true;

    /// <summary>Consumes the words if they all come next, in order.</summary>
    public bool Accept(params string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsWord(words[i], i))
            {
                return false;
            }
        }

        Position += words.Length;
        return true;
    }

    public bool AcceptSymbol(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            return false;
        }

        Position++;
        return true;
    }

    public void SkipIfNotExists() => Accept("if", "not", "exists");

    public void SkipIfExists() => Accept("if", "exists");

    /// <summary>The index of the <c>)</c> matching the <c>(</c> at <paramref name="open"/>, or <see cref="End"/>.</summary>
    public int CloseOf(int open)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (tokens[i].IsSymbol(")") && --depth == 0)
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>The non-empty comma-separated parts of <c>[from, to)</c>, outside parentheses.</summary>
    public List<(int Start, int End)> SplitTopLevel(int from, int to)
    {
        var parts = new List<(int Start, int End)>();
        var partStart = from;
        for (var i = from; i < to; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                i = Math.Min(CloseOf(i), to);
            }
            else if (tokens[i].IsSymbol(","))
            {
                if (i > partStart)
                {
                    parts.Add((partStart, i));
                }

                partStart = i + 1;
            }
        }

        if (to > partStart)
        {
            parts.Add((partStart, to));
        }

        return parts;
    }

    public TokenCursor Sub(int from, int to) => new(file, tokens, from, Math.Min(to, end));

    public SourceLocation Location(SqlToken token) => token.LocationIn(file);

    /// <summary>Reads <c>a</c>, <c>a.b</c> or <c>a.b.c</c> at the cursor.</summary>
    public bool TryReadName(out List<string> parts, out SqlToken first)
    {
        parts = [];
        first = Current!;
        if (Current?.Identifier is not { } head)
        {
            return false;
        }

        parts.Add(head);
        Position++;
        while (IsSymbol(".") && Peek()?.Identifier is { } next)
        {
            parts.Add(next);
            Position += 2;
        }

        return true;
    }
}
