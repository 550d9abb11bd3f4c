using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// A range type whose subtype or options change: PostgreSQL has no <c>ALTER</c> for them, so it is dropped and created
/// again. Only planned while nothing uses it.
/// </summary>
public sealed record ReplaceRangeType(RangeType Old, RangeType New) : Change
{
    public override string Kind => "replace_range_type";

    public override string Object => New.Name.ToString();

    public override string Describe() => "replace range type " + Object + " (over " + New.Subtype + ")";
}
