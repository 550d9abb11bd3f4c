namespace SchemaPlanner.Model;

/// <summary>
/// The options of an identity column's sequence, read from <c>pg_sequence</c>. A column whose identity uses the
/// defaults for its type (start 1, increment 1, minvalue 1, maxvalue the type's maximum, cache 1, no cycle) holds
/// none (<c>null</c>), so only a deliberate option is compared and written.
/// </summary>
public sealed record IdentityOptions(long Start, long Increment, long MinValue, long MaxValue, long Cache, bool Cycle)
{
    /// <summary>What PostgreSQL gives an identity column of <paramref name="type"/> (smallint, integer, bigint) without options.</summary>
    public static IdentityOptions DefaultFor(string type) => new(1, 1, 1, type switch
    {
        "smallint" => short.MaxValue,
        "integer" => int.MaxValue,
        _ => long.MaxValue,
    }, 1, false);

    /// <summary>The options a column's identity has: its own, or the defaults for its type.</summary>
    public static IdentityOptions Of(Column column) => column.IdentityOptions ?? DefaultFor(column.Type);
}
