namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// One lexical token of a SQL script. <paramref name="Offset"/> is the 0-based index (UTF-16) of its first
/// character in the whole script text; <paramref name="Line"/> and <paramref name="Column"/> are 1-based, with
/// the column counted in characters (code points) like <see cref="SourceLocation"/>.
/// </summary>
public sealed record SqlToken(SqlTokenKind Kind, string Text, int Offset, int Line, int Column)
{
    /// <summary>True when a string, quoted identifier, dollar quote or block comment runs to the end of the text.</summary>
    public bool Unterminated { get; init; }

    /// <summary>Length of <see cref="Text"/> in UTF-16 units.</summary>
    public int Length => Text.Length;

    /// <summary>Offset just past the token.</summary>
    public int End => Offset + Text.Length;

    /// <summary>Whitespace and comments: text between the tokens that carry meaning.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    /// <summary>
    /// The identifier PostgreSQL sees: a <see cref="SqlTokenKind.Word"/> folded to lower case (ASCII only, as
    /// PostgreSQL does in UTF-8), a quoted identifier unquoted; both cut to 63 bytes. Null for other kinds.
    /// </summary>
    public string? Identifier => Kind switch
    {
        SqlTokenKind.Word => PostgresText.FoldIdentifier(Text),
        SqlTokenKind.QuotedIdentifier => PostgresText.UnquoteIdentifier(Text),
        _ => null,
    };

    /// <summary>The value of a string or dollar-quoted literal, escapes decoded. Null for other kinds.</summary>
    public string? StringValue => Kind is SqlTokenKind.String or SqlTokenKind.DollarString
        ? PostgresText.DecodeString(Text)
        : null;

    /// <summary>True for an unquoted word equal to <paramref name="keyword"/>, ignoring ASCII case.</summary>
    public bool IsWord(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for punctuation, an operator or a semicolon spelled exactly <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) =>
        Kind is SqlTokenKind.Punctuation or SqlTokenKind.Operator or SqlTokenKind.Semicolon &&
        string.Equals(Text, symbol, StringComparison.Ordinal);

    /// <summary>Where the token starts, in <paramref name="file"/>.</summary>
    public SourceLocation LocationIn(string file) => new(file, Line, Column);
}
