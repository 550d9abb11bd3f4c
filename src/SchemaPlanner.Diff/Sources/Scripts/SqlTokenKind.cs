namespace SchemaPlanner.Sources.Scripts;

/// <summary>What a <see cref="SqlToken"/> is, as far as splitting and locating DDL needs to know.</summary>
public enum SqlTokenKind
{
    /// <summary>Spaces, tabs, line breaks (and a byte-order mark at the start of the text).</summary>
    Whitespace,

    /// <summary><c>-- ...</c> up to, not including, the line break.</summary>
    LineComment,

    /// <summary><c>/* ... */</c>, nested as PostgreSQL nests them.</summary>
    BlockComment,

    /// <summary>An unquoted identifier or keyword; PostgreSQL folds it to lower case.</summary>
    Word,

    /// <summary><c>"..."</c> or <c>U&amp;"..."</c>; kept verbatim.</summary>
    QuotedIdentifier,

    /// <summary><c>'...'</c>, <c>E'...'</c>, <c>N'...'</c>, <c>B'...'</c>, <c>X'...'</c> or <c>U&amp;'...'</c>.</summary>
    String,

    /// <summary><c>$$...$$</c> or <c>$tag$...$tag$</c>.</summary>
    DollarString,

    /// <summary>An integer or decimal literal (with exponent, <c>0x</c>/<c>0o</c>/<c>0b</c> prefixes, <c>_</c> separators).</summary>
    Number,

    /// <summary>A positional parameter such as <c>$1</c>.</summary>
    Parameter,

    /// <summary>An operator (<c>=</c>, <c>&lt;&gt;</c>, <c>||</c>, <c>::</c>, <c>:=</c>, ...).</summary>
    Operator,

    /// <summary>One of <c>( ) [ ] , . :</c> or <c>..</c>.</summary>
    Punctuation,

    /// <summary><c>;</c>.</summary>
    Semicolon,

    /// <summary>A psql meta-command (<c>\connect</c>, <c>\set</c>, ...) up to the end of its line.</summary>
    PsqlCommand,

    /// <summary>A character PostgreSQL would reject outside a string.</summary>
    Unknown,
}
