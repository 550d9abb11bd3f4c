namespace SchemaPlanner.Sources.Scripts;

/// <summary>What a <see cref="CreatedObject"/> is.</summary>
public enum CreatedObjectKind
{
    Schema,
    Extension,
    Relation,
    Type,
    Function,
    Column,
    Constraint,
    Trigger,
    Policy,
    Comment,
}
