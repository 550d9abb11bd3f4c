using Npgsql;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Samples pg_stat_activity every 50 ms for rehearsal traffic waiting on a lock, and keeps the longest wait seen
/// since <see cref="Reset"/>: a lock wait measured by the server, not a latency the 2-core machine could inflate.
/// </summary>
internal sealed class LockWaitMonitor : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private double longest;

    public LockWaitMonitor(string connectionString) => loop = Task.Run(() => LoopAsync(connectionString, stop.Token));

    public double LongestWaitMs => Volatile.Read(ref longest);

    public void Reset() => Volatile.Write(ref longest, 0);

    private async Task LoopAsync(string connectionString, CancellationToken token)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "schemaplan-rehearsal-monitor", Pooling = false }.ConnectionString);
            await connection.OpenAsync(token).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                EmbeddedSql.Load("Rehearsal.lock_wait"), connection);
            while (!token.IsCancellationRequested)
            {
                var wait = (double)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
                if (wait > Volatile.Read(ref longest))
                {
                    Volatile.Write(ref longest, wait);
                }

                await Task.Delay(50, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (NpgsqlException)
        {
            // The monitor is a witness, not a participant: a lost session only ends the sampling.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
