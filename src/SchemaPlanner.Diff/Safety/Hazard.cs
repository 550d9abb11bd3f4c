namespace SchemaPlanner.Safety;

/// <summary>
/// One reason a change is dangerous: the rule that found it (stable id, e.g. <c>SP2005</c>), its kind, the lock
/// it takes (<c>ACCESS EXCLUSIVE</c>, …) when it is about locking, a one-line message naming the object, and the
/// recipe (see <see cref="Recipes"/>) that makes it safe. <see cref="Allowed"/> marks a hazard accepted in
/// schemaplan.json, with the reason given there.
/// </summary>
public sealed record Hazard(
    string Rule,
    HazardKind Kind,
    Severity Severity,
    string Message,
    string Recipe,
    string? Lock = null,
    string? AllowedBecause = null)
{
    public bool Allowed => AllowedBecause is not null;

    /// <summary>True when this hazard makes its change unsafe.</summary>
    public bool Blocks => Severity == Severity.Error && !Allowed;
}
