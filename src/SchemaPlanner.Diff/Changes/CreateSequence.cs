using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE SEQUENCE</c>.</summary>
public sealed record CreateSequence(Sequence Sequence) : Change
{
    public override string Kind => "create_sequence";

    public override string Object => Sequence.Name.ToString();

    public override string Describe() => "create sequence " + Object;
}
