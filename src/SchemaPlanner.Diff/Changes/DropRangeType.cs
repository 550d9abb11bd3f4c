using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP TYPE</c> of a range type (its multirange type goes with it).</summary>
public sealed record DropRangeType(RangeType Type) : Change
{
    public override string Kind => "drop_range_type";

    public override string Object => Type.Name.ToString();

    public override string Describe() => "drop range type " + Object;
}
