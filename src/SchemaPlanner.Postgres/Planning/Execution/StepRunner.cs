using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// Runs generated SQL files the way plan.json tells a runner to: transactional files inside one transaction,
/// the others statement by statement outside any transaction. Notices (backfill progress) go to a callback.
/// </summary>
public static class StepRunner
{
    public static Task RunFileAsync(
        NpgsqlConnection connection,
        string file,
        string sql,
        bool transactional,
        CancellationToken cancellationToken) =>
        RunFileAsync(connection, file, sql, transactional, StepRunHooks.None, cancellationToken);

    /// <summary>
    /// Runs a file with <paramref name="hooks"/>: <see cref="StepRunHooks.BeforeCommit"/> inside a transactional
    /// file's transaction, and <see cref="StepRunHooks.Stop"/> honoured between statements (and inside a DO block
    /// of a non-transactional file, which a backfill is: it commits each batch, so cancelling it keeps them).
    /// </summary>
    public static async Task RunFileAsync(
        NpgsqlConnection connection,
        string file,
        string sql,
        bool transactional,
        StepRunHooks hooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        var statements = SqlScript.Split(file, sql);
        NpgsqlTransaction? transaction = null;
        if (transactional)
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (i > 0)
                {
                    hooks.Stop.ThrowIfCancellationRequested();
                }

                await using var command = SingleStatement.Command(connection, statement.Text, transaction);
                command.Timeout = 0;
                using var interruptible = !transactional && hooks.Stop.CanBeCanceled && IsDoBlock(statement)
                    ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hooks.Stop)
                    : null;
                try
                {
                    await command.ExecuteNonQueryAsync(interruptible?.Token ?? cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex)
                {
                    var location = ex.Position > 0 ? statement.LocationOfErrorPosition(ex.Position) : statement.Location;
                    throw new SchemaPlannerException(
                        ErrorKind.Planning,
                        $"{location}: {ex.SqlState}: {ex.MessageText}" + (ex.Where is { } where ? $" (where: {where.Split('\n')[0]})" : ""),
                        ex,
                        ex.SqlState);
                }
            }

            if (transaction is not null)
            {
                if (hooks.BeforeCommit is { } beforeCommit)
                {
                    await beforeCommit(transaction, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            // Session settings a non-transactional file set (lock_timeout, …) must not leak into the next file.
            if (!transactional && connection.State == System.Data.ConnectionState.Open)
            {
                await using var reset = new NpgsqlCommand("RESET ALL", connection);
                await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsDoBlock(SqlStatement statement) =>
        statement.SignificantTokens.FirstOrDefault() is { } first && first.Text.Equals("DO", StringComparison.OrdinalIgnoreCase);
}
