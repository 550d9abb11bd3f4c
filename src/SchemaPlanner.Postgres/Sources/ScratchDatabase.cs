using System.Security.Cryptography;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// An empty database with a unique name, created on a server for one run (to apply desired DDL or rehearse
/// a plan) and dropped again on dispose.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public const string NamePrefix = "schemaplan_scratch_";

    private readonly string serverConnectionString;
    private bool dropped;

    private ScratchDatabase(string serverConnectionString, string name, string connectionString)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database name, <c>schemaplan_scratch_</c> followed by random hex digits.</summary>
    public string Name { get; }

    /// <summary>The server connection string with <c>Database</c> set to <see cref="Name"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Connects to the server named by <paramref name="serverConnectionString"/> (keyword form or URL; the
    /// user needs CREATEDB) and creates a fresh database from <c>template0</c>.
    /// </summary>
    /// <exception cref="SchemaPlannerException">
    /// <see cref="ErrorKind.Connection"/> or <see cref="ErrorKind.Authentication"/> when the server cannot be used,
    /// <see cref="ErrorKind.Environment"/> when the database cannot be created (e.g. no CREATEDB privilege).
    /// </exception>
    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var server = ConnectionStrings.Normalize(serverConnectionString);
        var name = NamePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        try
        {
            var connection = new NpgsqlConnection(server);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand(EmbeddedSql.Fill("Sources.create_database", ("database", Quote(name))), connection);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, server);
        }
        catch (PostgresException ex)
        {
            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"cannot create a scratch database on {ConnectionErrors.Describe(server)}: {ex.MessageText}; the user needs the CREATEDB privilege",
                ex,
                ex.SqlState);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new ScratchDatabase(server, name, connectionString);
    }

    /// <summary>
    /// Closes pooled connections to the database and drops it, disconnecting anyone still in it.
    /// Unlike <see cref="DisposeAsync"/>, reports failure.
    /// </summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        if (dropped)
        {
            return;
        }

        // Idle pooled connections would otherwise hold the database open (and linger after it is gone).
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            var connection = new NpgsqlConnection(serverConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (connection.PostgreSqlVersion.Major < 13)
                {
                    // DROP DATABASE ... WITH (FORCE) arrived in PostgreSQL 13.
                    await ExecuteAsync(
                            connection,
                            EmbeddedSql.Fill("Sources.terminate_backends", ("database", "'" + Name + "'")),
                            cancellationToken)
                        .ConfigureAwait(false);
                    await ExecuteAsync(connection, EmbeddedSql.Fill("Sources.drop_database", ("database", Quote(Name))), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ExecuteAsync(connection, EmbeddedSql.Fill("Sources.drop_database_force", ("database", Quote(Name))), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, serverConnectionString);
        }
        catch (PostgresException ex)
        {
            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"cannot drop scratch database {Name} on {ConnectionErrors.Describe(serverConnectionString)}: {ex.MessageText}",
                ex,
                ex.SqlState);
        }

        dropped = true;
    }

    /// <summary>
    /// Best-effort <see cref="DropAsync"/>: a failure here (typically the server already gone after Ctrl+C)
    /// must not replace the error or cancellation that is already unwinding.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await DropAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchemaPlannerException)
        {
            // Best effort, see above.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Names are generated from [a-z0-9_] only, so double quotes are all the quoting needed.
    private static string Quote(string name) => "\"" + name + "\"";
}
