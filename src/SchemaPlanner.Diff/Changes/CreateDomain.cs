using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE DOMAIN</c>.</summary>
public sealed record CreateDomain(Domain Domain) : Change
{
    public override string Kind => "create_domain";

    public override string Object => Domain.Name.ToString();

    public override string Describe() => "create domain " + Object;
}
