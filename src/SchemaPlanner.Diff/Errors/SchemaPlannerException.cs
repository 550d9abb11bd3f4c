namespace SchemaPlanner.Errors;

/// <summary>
/// An expected failure with a one-line, user-facing message (never a password, never a stack trace).
/// <paramref name="SqlState"/> keeps PostgreSQL's SQLSTATE when the server produced the error.
/// </summary>
public sealed class SchemaPlannerException : Exception
{
    public SchemaPlannerException(ErrorKind kind, string message, Exception? inner = null, string? sqlState = null)
        : base(message, inner)
    {
        Kind = kind;
        SqlState = sqlState;
    }

    public ErrorKind Kind { get; }

    public string? SqlState { get; }
}
