using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A collation whose definition changed (collations cannot be altered in place).</summary>
public sealed record ReplaceCollation(Collation Old, Collation New) : Change
{
    public override string Kind => "replace_collation";

    public override string Object => New.Name.ToString();

    public override string Describe() => "replace collation " + Object + " (its definition changed)";
}
