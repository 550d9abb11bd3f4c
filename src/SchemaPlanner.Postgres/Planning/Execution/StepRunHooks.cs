using Npgsql;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// What <c>apply</c> adds to running a step file: <see cref="BeforeCommit"/> writes inside a transactional file's
/// own transaction (its history row, so the step and its record commit together), and <see cref="Stop"/> asks
/// the run to end after the current statement (Ctrl+C).
/// </summary>
public sealed record StepRunHooks(Func<NpgsqlTransaction, CancellationToken, Task>? BeforeCommit, CancellationToken Stop)
{
    public static StepRunHooks None { get; } = new(null, CancellationToken.None);
}
