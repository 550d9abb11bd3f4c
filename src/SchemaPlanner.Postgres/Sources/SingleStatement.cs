using Npgsql;

namespace SchemaPlanner.Sources;

/// <summary>
/// Sends one statement's text to the server as it is. An <see cref="NpgsqlCommand"/> splits its text at every
/// semicolon outside quotes and comments (Npgsql's legacy batching), so a <c>CREATE FUNCTION ... BEGIN ATOMIC
/// SELECT 1; END</c> arrives cut after <c>SELECT 1</c> ("syntax error at end of input"); a command of an
/// <see cref="NpgsqlBatch"/> is sent whole. Every statement <see cref="Scripts.SqlScript"/> split off, and every
/// statement we generate, goes through here.
/// </summary>
public static class SingleStatement
{
    /// <summary>A batch of exactly <paramref name="text"/>; its timeout is the connection's command timeout.</summary>
    public static NpgsqlBatch Command(NpgsqlConnection connection, string text, NpgsqlTransaction? transaction = null) =>
        new(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand(text) } };

    /// <summary>Runs <paramref name="text"/> as one statement.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var batch = Command(connection, text, transaction);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
