namespace SchemaPlanner.Model;

/// <summary>
/// The kinds of object a <see cref="Dependency"/> connects. Members of a relation (columns, defaults, constraints,
/// indexes, triggers, policies) are objects of their own: PostgreSQL records dependencies on them, not only on the
/// relation (a view reads columns, a foreign key needs the referenced key's index).
/// </summary>
public enum ObjectKind
{
    Table,
    View,
    Column,
    Default,
    Constraint,
    Index,
    Trigger,
    Policy,
    Sequence,
    Type,
    Function,
    Collation,
}
