using System.Net;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// A throwaway PostgreSQL cluster in a fresh temporary folder, listening on 127.0.0.1 on a free port
/// with trust authentication and durability switched off. Disposing it stops the server and deletes
/// the folder; so does process exit or Ctrl+C if the owner never gets to dispose it. Its parts: the
/// folder and server lifecycle (<see cref="ClusterFolder"/>), running its programs
/// (<see cref="ClusterProcessRunner"/>) and the exit handlers (<see cref="ClusterExitCleanup"/>).
/// </summary>
public sealed class TemporaryCluster : IThrowawayServer
{
    private readonly ClusterFolder folder;
    private readonly ClusterExitCleanup exitCleanup;

    private readonly ClusterTemplates? templates;

    private TemporaryCluster(ClusterFolder folder, ClusterTemplates? templates)
    {
        this.folder = folder;
        this.templates = templates;
        exitCleanup = new ClusterExitCleanup(folder);
        ConnectionString = string.Empty;
    }

    /// <summary>The temporary folder holding the data directory, the server log and the Unix socket.</summary>
    public string RootDirectory => folder.RootDirectory;

    public string DataDirectory => folder.DataDirectory;

    public int Port => folder.Port;

    /// <summary>Npgsql keyword form for the <c>postgres</c> superuser and database; no password is needed.</summary>
    public string ConnectionString { get; private set; }

    /// <summary>Starts a cluster with the binaries found by <see cref="PostgresBinaries.Find()"/>.</summary>
    public static Task<TemporaryCluster> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(PostgresBinaries.Find(), cancellationToken);

    /// <exception cref="SchemaPlannerException">With <see cref="ErrorKind.Environment"/> when the cluster cannot be created or started.</exception>
    public static Task<TemporaryCluster> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken) =>
        StartAsync(binaries, ClusterTemplates.ForCurrentUser(), cancellationToken);

    /// <summary>With the data directory templates in <paramref name="templates"/>' folder (none when null).</summary>
    internal static async Task<TemporaryCluster> StartAsync(PostgresBinaries binaries, ClusterTemplates? templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binaries);
        cancellationToken.ThrowIfCancellationRequested();

        var cluster = new TemporaryCluster(ClusterFolder.Create(binaries, ClusterProcessRunner.IsRoot()), templates);

        // Registered before anything else runs, so an interrupted start-up leaves nothing behind.
        cluster.exitCleanup.Register();
        try
        {
            await cluster.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch (Exception ex)
        {
            cluster.exitCleanup.CleanUpNow();
            if (ex is SchemaPlannerException or OperationCanceledException)
            {
                throw;
            }

            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"could not set up the temporary PostgreSQL server in {cluster.RootDirectory}: {ex.Message}",
                ex);
        }
    }

    /// <summary>Stops the server immediately (it is throwaway) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!exitCleanup.TryClaim())
        {
            return;
        }

        await folder.StopAsync().ConfigureAwait(false);
        folder.Delete();
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await folder.GiveToServiceAccountAsync(cancellationToken).ConfigureAwait(false);
        var copied = await folder.CreateDataDirectoryAsync(templates, cancellationToken).ConfigureAwait(false);
        try
        {
            await folder.StartServerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaPlannerException) when (copied)
        {
            // A template damaged since it was saved (a temp-file cleaner, a full disk) must not fail every later
            // run: drop it, and start from initdb (which saves a fresh one).
            await folder.StopAsync().ConfigureAwait(false);
            folder.DiscardTemplate(templates!);
            await folder.CreateDataDirectoryAsync(templates, cancellationToken).ConfigureAwait(false);
            await folder.StartServerAsync(cancellationToken).ConfigureAwait(false);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = ClusterFolder.SuperUser,
            Database = ClusterFolder.SuperUser,
        }.ConnectionString;
    }
}
