using System.Globalization;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Deploy;

/// <summary>
/// One <c>apply</c> at a time per database: a session-level advisory lock taken with <c>pg_try_advisory_lock</c>
/// (never waited for) and held by the connection that runs the steps. The lease releases it with
/// <c>pg_advisory_unlock</c> before that connection closes: a closed connection's backend exits, and frees its locks,
/// only some time after the client has gone, so an apply run right after another could otherwise find the lock still
/// held (by a backend no longer in pg_stat_activity). Should the connection break, the lock goes with its session.
/// </summary>
public static class DeployLock
{
    /// <summary>The lock key: "schemapl" in ASCII.</summary>
    public const long Key = 0x7363_6865_6d61_706c;

    /// <summary>Takes the lock or refuses, naming the backend that holds it; disposing the lease releases it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(NpgsqlConnection connection, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(EmbeddedSql.Fill("Deploy.deploy_lock_try", ("key", Key.ToString(CultureInfo.InvariantCulture))), connection);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return new Lease(connection);
        }

        await using var holder = new NpgsqlCommand(
            EmbeddedSql.Fill("Deploy.deploy_lock_holder", ("classid", (Key >> 32).ToString(CultureInfo.InvariantCulture)), ("objid", (Key & 0xffff_ffff).ToString(CultureInfo.InvariantCulture))),
            connection);
        var pids = await holder.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        throw new SchemaPlannerException(
            ErrorKind.InvalidInput,
            $"another `schemaplan apply` is running on {target} (backend pid {pids ?? "?"} holds advisory lock {Key.ToString(CultureInfo.InvariantCulture)}); nothing was run: wait for it to finish, then run apply again");
    }

    private sealed class Lease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                return; // a broken connection's session is gone, and its lock with it
            }

            try
            {
                await using var unlock = new NpgsqlCommand(EmbeddedSql.Fill("Deploy.deploy_lock_release", ("key", Key.ToString(CultureInfo.InvariantCulture))), connection);
                await unlock.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The session is ending anyway (server gone, connection lost): its lock goes with it.
            }
        }
    }
}
