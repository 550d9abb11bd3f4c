namespace SchemaPlanner.Model;

public enum ConstraintKind
{
    PrimaryKey,
    Unique,
    ForeignKey,
    Check,
    Exclusion,
}
