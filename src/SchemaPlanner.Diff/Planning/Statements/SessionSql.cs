namespace SchemaPlanner.Planning.Statements;

/// <summary>Session settings: <c>sql/statements/session/*.sbn</c>.</summary>
public static class SessionSql
{
    /// <summary><c>SET LOCAL name = 'value'</c>: for the rest of the transaction only.</summary>
    public sealed record SetLocal(string Name, string Value) : ISqlStatement;

    /// <summary><c>SET name = value</c> (the value written as is): for the rest of the session.</summary>
    public sealed record Set(string Name, string Value) : ISqlStatement;
}
