using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>An enum whose labels were removed, renamed or reordered: only possible through a new type.</summary>
public sealed record ReplaceEnum(EnumType Old, EnumType New) : Change
{
    public override string Kind => "replace_enum";

    public override string Object => New.Name.ToString();

    public override string Describe() => "change enum " + Object + " values (" + string.Join(", ", Old.Values) + ") -> (" + string.Join(", ", New.Values) + ")";
}
