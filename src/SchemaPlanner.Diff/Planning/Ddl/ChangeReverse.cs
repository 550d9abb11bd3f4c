using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// What undoes a change, for down scripts: the inverse change, or, when undoing cannot bring back what was there
/// (dropped data, dropped values), the reason why not.
/// </summary>
public sealed record ChangeReverse
{
    private ChangeReverse(Change? inverse, string? irreversible)
    {
        Inverse = inverse;
        Irreversible = irreversible;
    }

    /// <summary>The change that undoes it; null when it is irreversible.</summary>
    public Change? Inverse { get; }

    /// <summary>Why it cannot be undone; null when it can.</summary>
    public string? Irreversible { get; }

    public static ChangeReverse By(Change inverse) => new(inverse ?? throw new ArgumentNullException(nameof(inverse)), null);

    public static ChangeReverse None(string reason) => new(null, reason ?? throw new ArgumentNullException(nameof(reason)));
}
