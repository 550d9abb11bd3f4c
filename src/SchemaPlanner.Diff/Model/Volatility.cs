namespace SchemaPlanner.Model;

/// <summary>The strongest <c>pg_proc.provolatile</c> among the functions an expression calls.</summary>
public enum Volatility
{
    Immutable,
    Stable,
    Volatile,
}
