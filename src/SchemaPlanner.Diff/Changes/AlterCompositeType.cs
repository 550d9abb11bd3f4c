using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// <c>ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE</c>: the attributes <paramref name="New"/> keeps stay in their
/// order and the new ones come last, so the type changes in place.
/// </summary>
public sealed record AlterCompositeType(CompositeType Old, CompositeType New) : Change
{
    public override string Kind => "alter_composite_type";

    public override string Object => New.Name.ToString();

    /// <summary>Attributes of the old type that the new one no longer has.</summary>
    public IEnumerable<CompositeAttribute> Dropped => Old.Attributes.Where(a => New.Attributes.All(n => n.Name != a.Name));

    /// <summary>Attributes of the new type that the old one did not have.</summary>
    public IEnumerable<CompositeAttribute> Added => New.Attributes.Where(a => Old.Attributes.All(o => o.Name != a.Name));

    /// <summary>Attributes in both whose type or collation changes.</summary>
    public IEnumerable<CompositeAttribute> Retyped => New.Attributes.Where(a => Old.Attributes.Any(o => o.Name == a.Name && o != a));

    public override string Describe()
    {
        var parts = Added.Select(a => "add attribute " + a.Name)
            .Concat(Dropped.Select(a => "drop attribute " + a.Name))
            .Concat(Retyped.Select(a => "attribute " + a.Name + " to " + a.Type));
        return "alter composite type " + Object + ": " + string.Join(", ", parts);
    }
}
