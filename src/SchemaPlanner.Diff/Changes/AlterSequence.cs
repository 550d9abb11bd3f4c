using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A sequence whose type, bounds, increment, cache, cycle or owner changed.</summary>
public sealed record AlterSequence(Sequence Old, Sequence New) : Change
{
    public override string Kind => "alter_sequence";

    public override string Object => New.Name.ToString();

    public override string Describe() => "alter sequence " + Object;
}
