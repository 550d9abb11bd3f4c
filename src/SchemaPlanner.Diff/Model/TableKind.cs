namespace SchemaPlanner.Model;

public enum TableKind
{
    Regular,
    Partitioned,
}
