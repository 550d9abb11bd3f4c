using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A domain whose default, NOT NULL, checks or base type changed.</summary>
public sealed record AlterDomain(Domain Old, Domain New) : Change
{
    public override string Kind => "alter_domain";

    public override string Object => New.Name.ToString();

    public override string Describe() => "alter domain " + Object;
}
