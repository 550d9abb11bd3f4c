using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// Runs generated SQL files the way plan.json tells a runner to: transactional files inside one transaction,
/// the others statement by statement outside any transaction. Notices (backfill progress) go to a callback.
/// </summary>
public static class StepRunner
{
    public static async Task RunFileAsync(
        NpgsqlConnection connection,
        string file,
        string sql,
        bool transactional,
        CancellationToken cancellationToken)
    {
        var statements = SqlScript.Split(file, sql);
        NpgsqlTransaction? transaction = null;
        if (transactional)
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            foreach (var statement in statements)
            {
                // A batch of one: Npgsql would split a plain command's text again at the semicolons of a
                // BEGIN ATOMIC body, which SqlScript already kept whole.
                await using var command = new NpgsqlBatch(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand(statement.Text) } };
                command.Timeout = 0;
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
}
