using System.Globalization;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// A position in a source file. <paramref name="Line"/> and <paramref name="Column"/> are 1-based; the column
/// counts characters (Unicode code points, a tab is one), not bytes or UTF-16 units.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The compiler-style form <c>file(line,col)</c> that editors and CI annotations understand.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})");
}
