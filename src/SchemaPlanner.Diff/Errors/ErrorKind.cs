namespace SchemaPlanner.Errors;

/// <summary>
/// What went wrong, from the user's side. The CLI maps each kind to a documented exit code
/// (see README "Exit codes").
/// </summary>
public enum ErrorKind
{
    /// <summary>Bad command-line input, a malformed config file or hint.</summary>
    InvalidInput,

    /// <summary>The server could not be reached (host, port, network).</summary>
    Connection,

    /// <summary>The server refused the login.</summary>
    Authentication,

    /// <summary>The desired DDL failed to apply (with file, line, column).</summary>
    DdlError,

    /// <summary>initdb/pg_ctl/postgres not found, or the throwaway cluster failed to start.</summary>
    Environment,

    /// <summary>A plan could not be made or failed its rehearsal.</summary>
    Planning,

    /// <summary>A step of a plan failed while <c>apply</c> ran it (recorded in the history; the next apply runs it again).</summary>
    StepFailed,
}
