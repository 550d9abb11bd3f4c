using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// A composite type whose attributes are reordered (or renamed): <c>ALTER TYPE</c> cannot move an attribute, so it is
/// dropped and created again. Only planned while no column, function or other type uses it.
/// </summary>
public sealed record ReplaceCompositeType(CompositeType Old, CompositeType New) : Change
{
    public override string Kind => "replace_composite_type";

    public override string Object => New.Name.ToString();

    public override string Describe() => "replace composite type " + Object + " (" + string.Join(", ", New.Attributes.Select(a => a.Name + " " + a.Type)) + ")";
}
