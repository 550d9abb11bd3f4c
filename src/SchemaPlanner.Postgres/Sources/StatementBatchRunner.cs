using Npgsql;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// Runs statements in batches (<see cref="StatementBatches"/>), many per round trip, each batch one implicit
/// transaction (or part of the user's own BEGIN). When a batch fails it has rolled back, so its statements run
/// again one at a time (autocommit), as unbatched runs always did: the error then names its statement. Inside
/// the user's BEGIN a savepoint around each batch gives the same. Used for the desired DDL
/// (<see cref="SqlFiles.ApplyAsync"/>) and for the rehearsal's copy of the current schema.
/// </summary>
internal static class StatementBatchRunner
{
    private const string BatchSavepoint = "schemaplan_batch";

    /// <summary>
    /// Runs <paramref name="statements"/> in order on <paramref name="connection"/>; with <paramref name="logged"/>
    /// each carries its mark for <see cref="DdlEventLog"/>. A statement the server refuses (found by
    /// running its batch again one at a time) is thrown as <paramref name="failed"/> makes it.
    /// </summary>
    public static async Task RunAsync(
        NpgsqlConnection connection,
        IReadOnlyList<SqlStatement> statements,
        bool logged,
        Func<SqlStatement, PostgresException, Exception> failed,
        CancellationToken cancellationToken)
    {
        var inUserTransaction = false;
        foreach (var range in StatementBatches.Plan(statements))
        {
            var (start, count) = range.GetOffsetAndLength(statements.Count);
            if (count == 1)
            {
                await RunOneAsync(connection, statements[start], start, logged, failed, cancellationToken).ConfigureAwait(false);
                inUserTransaction = StatementBatches.OpensOrClosesTransaction(statements[start]) ?? inUserTransaction;
                continue;
            }

            if (await TryRunBatchAsync(connection, statements, start, count, logged, inUserTransaction, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // The batch has rolled back whole (to its savepoint inside the user's BEGIN): run it again one statement at a time.
            for (var index = start; index < start + count; index++)
            {
                await RunOneAsync(connection, statements[index], index, logged, failed, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One round trip for <paramref name="count"/> statements, each marked for the event trigger.
    /// False when the server refused one of them: the batch's implicit transaction has then rolled back whole,
    /// or, inside the user's own BEGIN (<paramref name="inUserTransaction"/>), the batch is rolled back to the
    /// savepoint it began with.
    /// </summary>
    private static async Task<bool> TryRunBatchAsync(
        NpgsqlConnection connection,
        IReadOnlyList<SqlStatement> statements,
        int start,
        int count,
        bool logged,
        bool inUserTransaction,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (inUserTransaction)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT " + BatchSavepoint));
        }

        for (var index = start; index < start + count; index++)
        {
            var text = statements[index].Text;
            batch.BatchCommands.Add(new NpgsqlBatchCommand(logged ? DdlEventLog.MarkedText(index, text) : text));
        }

        if (inUserTransaction)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT " + BatchSavepoint));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException)
        {
            if (inUserTransaction)
            {
                await using var rollBack = new NpgsqlCommand(
                    $"ROLLBACK TO SAVEPOINT {BatchSavepoint}; RELEASE SAVEPOINT {BatchSavepoint}", connection);
                await rollBack.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
    }

    private static async Task RunOneAsync(
        NpgsqlConnection connection,
        SqlStatement statement,
        int index,
        bool logged,
        Func<SqlStatement, PostgresException, Exception> failed,
        CancellationToken cancellationToken)
    {
        if (logged)
        {
            await DdlEventLog.MarkStatementAsync(connection, index, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await SingleStatement.ExecuteAsync(connection, statement.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw failed(statement, ex);
        }
    }
}
