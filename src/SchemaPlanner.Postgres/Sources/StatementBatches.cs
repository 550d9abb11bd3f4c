using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// Cuts desired-DDL statements into batches that <see cref="SqlFiles.ApplyAsync"/> sends in one round trip each.
/// A batch runs as one implicit transaction, so a statement PostgreSQL refuses inside a transaction block, or one
/// whose effect later statements may only use once it is committed, runs alone, as every statement did before
/// batching: <see cref="RunsAlone"/> names them. One that is not named still works, more slowly: the batch fails,
/// rolls back and is run again one statement at a time.
/// </summary>
internal static class StatementBatches
{
    /// <summary>At most this many statements share a round trip, so a failed batch re-runs little.</summary>
    public const int MaxStatements = 250;

    /// <summary>At most this much SQL text (UTF-16 characters) shares a round trip.</summary>
    public const int MaxCharacters = 256 * 1024;

    /// <summary>Consecutive ranges of <paramref name="statements"/>, in order, covering all of them.</summary>
    public static IEnumerable<Range> Plan(IReadOnlyList<SqlStatement> statements)
    {
        var start = 0;
        var characters = 0;
        for (var index = 0; index < statements.Count; index++)
        {
            var statement = statements[index];
            if (RunsAlone(statement))
            {
                if (index > start)
                {
                    yield return start..index;
                }

                yield return index..(index + 1);
                start = index + 1;
                characters = 0;
                continue;
            }

            if (index > start && (index - start >= MaxStatements || characters + statement.Text.Length > MaxCharacters))
            {
                yield return start..index;
                start = index;
                characters = 0;
            }

            characters += statement.Text.Length;
        }

        if (statements.Count > start)
        {
            yield return start..statements.Count;
        }
    }

    /// <summary>
    /// True for a statement that must not share a transaction with its neighbours: transaction control
    /// (BEGIN, COMMIT, SAVEPOINT, SET LOCAL, ...), anything CONCURRENTLY, VACUUM, CLUSTER, REINDEX, databases,
    /// tablespaces, subscriptions and ALTER SYSTEM (refused in a transaction block), ALTER TYPE ... ADD VALUE
    /// (the new label is usable only after commit), CALL (a procedure may commit), and LOCK and DECLARE (refused
    /// outside a transaction block, so they keep failing as they do on their own).
    /// </summary>
    public static bool RunsAlone(SqlStatement statement)
    {
        var words = statement.SignificantTokens.Take(3).Select(t => t.Text.ToUpperInvariant()).ToList();
        var first = words.ElementAtOrDefault(0);
        var second = words.ElementAtOrDefault(1);
        if (statement.SignificantTokens.Any(t => t.IsWord("CONCURRENTLY")))
        {
            return true;
        }

        return first switch
        {
            "BEGIN" or "START" or "COMMIT" or "END" or "ROLLBACK" or "ABORT" or "SAVEPOINT" or "RELEASE" => true,
            "VACUUM" or "CLUSTER" or "REINDEX" or "CHECKPOINT" or "DISCARD" or "CALL" or "LOCK" or "DECLARE" => true,
            "PREPARE" => second == "TRANSACTION",
            "SET" => second is "LOCAL" or "TRANSACTION" or "SESSION" && !IsSessionAuthorization(words),
            "CREATE" or "DROP" or "ALTER" when second is "DATABASE" or "TABLESPACE" or "SUBSCRIPTION" or "SYSTEM" => true,
            "ALTER" when second == "TYPE" => AddsEnumValue(statement),
            _ => false,
        };
    }

    /// <summary>True after BEGIN or START TRANSACTION, false after COMMIT, ROLLBACK and their kin.</summary>
    public static bool? OpensOrClosesTransaction(SqlStatement statement)
    {
        var words = statement.SignificantTokens.Take(3).Select(t => t.Text.ToUpperInvariant()).ToList();
        var first = words.ElementAtOrDefault(0);
        var second = words.ElementAtOrDefault(1);
        return first switch
        {
            "BEGIN" or "START" => true,
            "COMMIT" when second == "PREPARED" => null,
            "ROLLBACK" when second is "TO" or "PREPARED" => null,
            "COMMIT" or "END" or "ROLLBACK" or "ABORT" => words.Contains("CHAIN") ? null : false,
            "PREPARE" when second == "TRANSACTION" => false,
            _ => null,
        };
    }

    // SET SESSION AUTHORIZATION changes the session user, which a transaction may do like any SET.
    private static bool IsSessionAuthorization(List<string> words) => words.ElementAtOrDefault(2) == "AUTHORIZATION";

    private static bool AddsEnumValue(SqlStatement statement)
    {
        var previousWasAdd = false;
        foreach (var token in statement.SignificantTokens)
        {
            if (previousWasAdd && token.IsWord("VALUE"))
            {
                return true;
            }

            previousWasAdd = token.IsWord("ADD");
        }

        return false;
    }
}
