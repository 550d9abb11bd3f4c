using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP COLLATION</c>.</summary>
public sealed record DropCollation(Collation Collation) : Change
{
    public override string Kind => "drop_collation";

    public override string Object => Collation.Name.ToString();

    public override string Describe() => "drop collation " + Object;
}
