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
    /// Roles are cluster-wide, so a GRANT or policy naming a role the scratch server lacks fails there even when
    /// production has it: say so, and what to do.
    /// </summary>
    private static string MissingRoleAdvice(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.UndefinedObject && ex.MessageText.StartsWith("role ", StringComparison.Ordinal)
            ? "; roles belong to the whole server, not to a database: create the role on the server the desired SQL is applied to (--dev-database), e.g. CREATE ROLE name NOLOGIN"
            : "";

    /// <summary>
    /// Sends the statements in batches (<see cref="StatementBatchRunner"/>), many per round trip, falling back to
    /// one at a time for a batch that fails: an error then points at its statement, and PostgreSQL's error
    /// position maps to a file, line and column. The database is a scratch one of our own, so commits
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
        await StatementBatchRunner.RunAsync(connection, statements, logged, Located, cancellationToken).ConfigureAwait(false);
        return logged
            ? DdlLocations.FromCreatedObjects(statements, await DdlEventLog.ReadAndRemoveAsync(connection, cancellationToken).ConfigureAwait(false))
            : DdlLocations.StatementLevel(statements, DdlEventLog.NotSuperuserWarning);
    }

    /// <summary>The server's error at the file, line and column of its position in <paramref name="statement"/>.</summary>
    private static SchemaPlannerException Located(SqlStatement statement, PostgresException ex)
    {
        var location = ex.Position > 0 ? statement.LocationOfErrorPosition(ex.Position) : statement.Location;
        return new SchemaPlannerException(
            ErrorKind.DdlError,
            $"{location}: error: {ex.MessageText}" + (ex.Hint is { } hint ? " (hint: " + hint + ")" : "") + MissingRoleAdvice(ex),
            ex,
            ex.SqlState);
    }
}
