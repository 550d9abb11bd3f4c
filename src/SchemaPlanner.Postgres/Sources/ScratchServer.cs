namespace SchemaPlanner.Sources;

/// <summary>
/// Where scratch databases are made for one command run: the <c>--dev-database</c> server when given, otherwise
/// a throwaway cluster started on first use and removed on dispose. The throwaway cluster is given the roles of
/// the live server (<paramref name="rolesFrom"/>) that SQL run on it names (<see cref="ScratchRoles"/>); a
/// <c>--dev-database</c> server is the user's, so nothing is created on it and a missing role stays an error.
/// </summary>
public sealed class ScratchServer(string? devDatabase, string? rolesFrom = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly ScratchRoles? roles = devDatabase is null && rolesFrom is not null ? new ScratchRoles(ConnectionStrings.Normalize(rolesFrom)) : null;
    private TemporaryCluster? cluster;

    /// <summary>
    /// The scratch server of a command run: the live roles come from the current schema when it is a live
    /// database (a snapshot or SQL files name no server to read roles from).
    /// </summary>
    public static ScratchServer For(Analysis.AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ScratchServer(request.DevDatabase, SchemaSources.IsConnectionString(request.Current) ? request.Current : null);
    }

    /// <summary>
    /// Before <paramref name="names"/>' statements run on a database of the throwaway cluster: creates the live
    /// roles among them that the cluster lacks (NOLOGIN, nothing else). Nothing on a <c>--dev-database</c>.
    /// </summary>
    public async Task EnsureRolesAsync(ScratchDatabase database, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (roles is not null)
        {
            await roles.CreateMissingAsync(database.ConnectionString, names, cancellationToken).ConfigureAwait(false);
        }
    }

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
