using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>Finds desired-schema SQL files and applies them to a scratch database, in batches of statements.</summary>
public static class SqlFiles
{
    /// <summary>A <c>.sql</c> file, or the <c>.sql</c> files of a folder (and its subfolders) in ordinal path order.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: no such file or folder");
        }

        var files = Directory.EnumerateFiles(path, "*.sql", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(path, f).Replace('\\', '/'), StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: the folder has no .sql files");
    }

    /// <summary>Splits every file into statements (with their locations), in application order.</summary>
    public static IReadOnlyList<SqlStatement> Read(IReadOnlyList<string> files)
    {
        var statements = new List<SqlStatement>();
        foreach (var file in files)
        {
            statements.AddRange(SqlScript.Split(file, File.ReadAllText(file)));
        }

        return statements;
    }

    /// <summary>
    /// Sends the statements in batches (<see cref="StatementBatches"/>), many per round trip, each batch one
    /// implicit transaction. When a batch fails it has rolled back, so its statements run again one at a time
    /// (autocommit), as unbatched runs always did: an error then points at its statement, and PostgreSQL's
    /// error position maps to a file, line and column. The database is a scratch one of our own, so commits
    /// do not wait for the disk (<c>synchronous_commit = off</c>). Returns where each object was made:
    /// recorded by an event trigger (<see cref="DdlEventLog"/>, removed again before this returns) when the user
    /// is a superuser, else statement-level locations with a warning.
    /// </summary>
    public static async Task<DdlLocations> ApplyAsync(string connectionString, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.FirstOrDefault(s => s.Text.TrimStart().StartsWith('\\')) is { } metaCommand)
        {
            throw new SchemaPlannerException(
                ErrorKind.DdlError,
                $"{metaCommand.Location}: error: psql meta-commands (\\...) are not SQL; remove them from the desired schema");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var durability = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            await durability.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var logged = await DdlEventLog.TryInstallAsync(connection, cancellationToken).ConfigureAwait(false);
        var inUserTransaction = false;
        foreach (var range in StatementBatches.Plan(statements))
        {
            var (start, count) = range.GetOffsetAndLength(statements.Count);
            if (count == 1 || inUserTransaction)
            {
                // Inside the user's own BEGIN a failed batch cannot be re-run, so there statements go one by one.
                for (var index = start; index < start + count; index++)
                {
                    await RunOneAsync(connection, statements, index, logged, cancellationToken).ConfigureAwait(false);
                    inUserTransaction = StatementBatches.OpensOrClosesTransaction(statements[index]) ?? inUserTransaction;
                }

                continue;
            }

            if (!await TryRunBatchAsync(connection, statements, start, count, logged, cancellationToken).ConfigureAwait(false))
            {
                for (var index = start; index < start + count; index++)
                {
                    await RunOneAsync(connection, statements, index, logged, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return logged
            ? DdlLocations.FromCreatedObjects(statements, await DdlEventLog.ReadAndRemoveAsync(connection, cancellationToken).ConfigureAwait(false))
            : DdlLocations.StatementLevel(statements, DdlEventLog.NotSuperuserWarning);
    }

    /// <summary>
    /// One round trip for <paramref name="count"/> statements, each preceded by its mark for the event trigger.
    /// False when the server refused one of them: the batch's implicit transaction has then rolled back whole.
    /// </summary>
    private static async Task<bool> TryRunBatchAsync(
        NpgsqlConnection connection, IReadOnlyList<SqlStatement> statements, int start, int count, bool logged, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        for (var index = start; index < start + count; index++)
        {
            if (logged)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(DdlEventLog.MarkStatementSql(index)));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand(statements[index].Text));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    private static async Task RunOneAsync(
        NpgsqlConnection connection, IReadOnlyList<SqlStatement> statements, int index, bool logged, CancellationToken cancellationToken)
    {
        var statement = statements[index];
        if (logged)
        {
            await DdlEventLog.MarkStatementAsync(connection, index, cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(statement.Text, connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            var location = ex.Position > 0 ? statement.LocationOfErrorPosition(ex.Position) : statement.Location;
            throw new SchemaPlannerException(
                ErrorKind.DdlError,
                $"{location}: error: {ex.MessageText}" + (ex.Hint is { } hint ? " (hint: " + hint + ")" : ""),
                ex,
                ex.SqlState);
        }
    }
}
