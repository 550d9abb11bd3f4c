using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP SEQUENCE</c>.</summary>
public sealed record DropSequence(Sequence Sequence) : Change
{
    public override string Kind => "drop_sequence";

    public override string Object => Sequence.Name.ToString();

    public override string Describe() => "drop sequence " + Object;
}
