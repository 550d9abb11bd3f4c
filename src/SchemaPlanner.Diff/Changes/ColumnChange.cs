namespace SchemaPlanner.Changes;

/// <summary>What changed on a column (an <see cref="AlterColumn"/> may carry several).</summary>
[Flags]
public enum ColumnChange
{
    None = 0,
    Type = 1,
    Collation = 2,
    Nullability = 4,
    Default = 8,
    Identity = 16,
    Generated = 32,

    /// <summary>The identity sequence's options (start, increment, min, max, cache, cycle) on a column that stays an identity.</summary>
    IdentityOptions = 64,
}
