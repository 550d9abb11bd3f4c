using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// One table across the two app versions. <see cref="Forward"/> says how each new-shape column derives from the
/// old shape's columns (an expression over them: a <c>using</c> hint, the old name of a renamed column, or the
/// column itself); <see cref="Backward"/> the reverse. A column missing from a map has no derivation and is
/// not compared across versions. Either shape is null when the table exists for one version only.
/// </summary>
public sealed record TableMapping(
    TableShape? Old,
    TableShape? New,
    IReadOnlyDictionary<string, string> Forward,
    IReadOnlyDictionary<string, string> Backward)
{
    public TableShape? Shape(AppVersion version) => version == AppVersion.Old ? Old : New;

    /// <summary>Columns both shapes have under one name whose new value a <c>using</c> hint computes.</summary>
    public IReadOnlySet<string> SelfHinted { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The <c>copy</c> hint that fills this (new) table from another: its rows are the source's, not the traffic's,
    /// so they are checked against the source rather than the ledger.
    /// </summary>
    public Configuration.CopyHint? CopiedFrom { get; init; }

    /// <summary>
    /// Columns of this (old) table a <c>copy</c> hint keeps in step with a new table in both directions: the new
    /// version's writes to that table change them, so they are checked through the copy, not against the ledger.
    /// </summary>
    public IReadOnlySet<string> SyncedByCopy { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Display name: the new name when the table has one.</summary>
    public QualifiedName Name => (New ?? Old)!.Name;

    /// <summary>How <paramref name="reader"/>'s columns derive from <paramref name="writer"/>'s (identity within one version).</summary>
    public IReadOnlyDictionary<string, string> Derivation(AppVersion writer, AppVersion reader)
    {
        if (writer == reader)
        {
            // A column a hint computes from itself (a coalesce filling NULLs) may change as the hint asks: it is
            // compared across the versions, through the hint, not against what was written.
            // Columns the database fills (identity, serial, generated) are not the app's to compare either.
            return Shape(reader)!.Columns
                .Where(c => !SelfHinted.Contains(c.Name) && !SyncedByCopy.Contains(c.Name))
                .Where(c => c.Identity == IdentityKind.None && c.Generated is null && c.Default?.StartsWith("nextval(", StringComparison.Ordinal) != true)
                .ToDictionary(c => c.Name, c => Sql.Quote(c.Name), StringComparer.Ordinal);
        }

        return writer == AppVersion.Old ? Forward : Backward;
    }
}
