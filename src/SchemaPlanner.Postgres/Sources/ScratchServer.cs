namespace SchemaPlanner.Sources;

/// <summary>
/// Where scratch databases are made for one command run: the <c>--dev-database</c> server when given, otherwise
/// a throwaway cluster started on first use and removed on dispose.
/// </summary>
public sealed class ScratchServer : IAsyncDisposable
{
    private readonly string? devDatabase;
    private readonly SemaphoreSlim starting = new(1, 1);
    private TemporaryCluster? cluster;

    public ScratchServer(string? devDatabase) => this.devDatabase = devDatabase;

    /// <summary>Creates an empty database for one use; the caller disposes it.</summary>
    public async Task<ScratchDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (devDatabase is not null)
        {
            return await ScratchDatabase.CreateAsync(devDatabase, cancellationToken).ConfigureAwait(false);
        }

        await starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cluster ??= await TemporaryCluster.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            starting.Release();
        }

        return await ScratchDatabase.CreateAsync(cluster.ConnectionString, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            cluster = null;
        }

        starting.Dispose();
    }
}
