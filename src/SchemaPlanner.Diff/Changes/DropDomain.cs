using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP DOMAIN</c>.</summary>
public sealed record DropDomain(Domain Domain) : Change
{
    public override string Kind => "drop_domain";

    public override string Object => Domain.Name.ToString();

    public override string Describe() => "drop domain " + Object;
}
