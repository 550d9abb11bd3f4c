namespace SchemaPlanner.Model;

public enum ViewKind
{
    View,
    Materialized,
}
