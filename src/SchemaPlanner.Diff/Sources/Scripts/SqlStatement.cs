namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// One statement of a script. <paramref name="Text"/> runs from its first token that is not a comment to its
/// last token before the terminating semicolon (the semicolon is left out, comments inside are kept);
/// <paramref name="Offset"/> is where <paramref name="Text"/> starts in the script and
/// <paramref name="Location"/> the matching file position. <paramref name="Tokens"/> are the tokens of
/// <paramref name="Text"/> without whitespace (comments included), with script-wide offsets.
/// </summary>
public sealed record SqlStatement(string File, string Text, int Offset, SourceLocation Location, IReadOnlyList<SqlToken> Tokens)
{
    /// <summary>The tokens that carry meaning: <see cref="Tokens"/> without comments.</summary>
    public IEnumerable<SqlToken> SignificantTokens => Tokens.Where(t => !t.IsTrivia);

    /// <summary>The file position of a 0-based offset (UTF-16) into <see cref="Text"/>.</summary>
    public SourceLocation LocationAt(int offsetInText)
    {
        var end = Math.Clamp(offsetInText, 0, Text.Length);
        var line = Location.Line;
        var column = Location.Column;
        SqlLexer.Advance(Text, 0, end, ref line, ref column);
        return new SourceLocation(File, line, column);
    }

    /// <summary>
    /// The file position of PostgreSQL's error <c>Position</c> (1-based, in characters) for an error raised while
    /// running this statement's <see cref="Text"/> on its own.
    /// </summary>
    public SourceLocation LocationOfErrorPosition(int position) =>
        LocationAt(SqlScript.OffsetOfErrorPosition(Text, position));
}
