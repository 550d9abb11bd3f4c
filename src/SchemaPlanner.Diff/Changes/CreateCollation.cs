using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE COLLATION</c>.</summary>
public sealed record CreateCollation(Collation Collation) : Change
{
    public override string Kind => "create_collation";

    public override string Object => Collation.Name.ToString();

    public override string Describe() => "create collation " + Object;
}
