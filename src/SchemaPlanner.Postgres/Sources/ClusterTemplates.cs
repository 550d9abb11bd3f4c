using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaPlanner.Sources;

/// <summary>
/// Pristine data directories, one per initdb binary, kept in the user's cache folder
/// (<c>$XDG_CACHE_HOME/schemaplan</c>, else <c>~/.cache/schemaplan</c>) so that a throwaway cluster copies one
/// (~40 MB, ~0.1 s) instead of running initdb (~0.8 s) — the MSBuild gate starts a cluster on every build that
/// changes the schema. A template is saved right after a successful initdb, before any setting is appended; it is
/// found by a key of the initdb binary (resolved path, size, modification time) and the OS user, so an upgrade of
/// PostgreSQL or another user never picks up a stale one. Everything here is best effort: a template that cannot be
/// read, copied or saved means initdb runs as before, and one the server cannot start from is discarded
/// (<see cref="TemporaryCluster"/>). The cache folder is the user's own, never the world-writable temp folder, so
/// nobody else can plant a data directory (and its <c>postgresql.conf</c>) for the cluster to start from.
/// </summary>
internal sealed class ClusterTemplates
{
    /// <summary>Template folders are this and the key; the data directory is its <c>data</c> subfolder.</summary>
    private const string FolderPrefix = "schemaplan-pg-template-";

    /// <summary>Part of the key: bump it when what initdb is asked for changes (locale, encoding, auth).</summary>
    private const string Format = "1";

    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(1);

    public ClusterTemplates(string cacheDirectory)
    {
        CacheDirectory = cacheDirectory;
    }

    public string CacheDirectory { get; }

    /// <summary>The user's cache folder, or null when there is none to use (no home, Windows).</summary>
    public static ClusterTemplates? ForCurrentUser()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome) || !Path.IsPathRooted(cacheHome))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            cacheHome = Path.Combine(home, ".cache");
        }

        return new ClusterTemplates(Path.Combine(cacheHome, "schemaplan"));
    }

    /// <summary>The data directory of this binary's template, or null when there is none.</summary>
    public string? Find(PostgresBinaries binaries, bool runAsServiceAccount)
    {
        var data = Path.Combine(FolderOf(binaries, runAsServiceAccount), "data");
        return File.Exists(Path.Combine(data, "PG_VERSION")) && File.Exists(Path.Combine(data, "global", "pg_control")) ? data : null;
    }

    /// <summary>Copies a template into <paramref name="dataDirectory"/>; false (and nothing left there) if that fails.</summary>
    public static async Task<bool> CopyAsync(string template, string dataDirectory, string workingDirectory, CancellationToken cancellationToken)
    {
        // cp -a keeps modes (the server insists on 0700) and owners (as root, the service account's).
        if (await RunCopyAsync(template, dataDirectory, workingDirectory, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        TryDelete(dataDirectory);
        return false;
    }

    /// <summary>Saves a copy of a freshly initialized data directory as this binary's template, unless one exists.</summary>
    public async Task SaveAsync(PostgresBinaries binaries, bool runAsServiceAccount, string dataDirectory, string workingDirectory, CancellationToken cancellationToken)
    {
        var folder = FolderOf(binaries, runAsServiceAccount);
        if (OperatingSystem.IsWindows() || Directory.Exists(folder))
        {
            return;
        }

        string staging;
        try
        {
            Directory.CreateDirectory(CacheDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            // Named like a cluster folder, so a copy cut short by the process dying is removed as stale.
            ClusterFolders.RemoveStaleFolders(CacheDirectory);
            staging = ClusterFolders.CreateRootDirectory(CacheDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Errors.SchemaPlannerException)
        {
            return;
        }

        if (await RunCopyAsync(dataDirectory, Path.Combine(staging, "data"), workingDirectory, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                // Atomic: a template is either absent or whole. Losing a race to another process is fine.
                Directory.Move(staging, folder);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        TryDelete(staging);
    }

    /// <summary>Removes this binary's template (the server would not start from a copy of it).</summary>
    public void Discard(PostgresBinaries binaries, bool runAsServiceAccount) => TryDelete(FolderOf(binaries, runAsServiceAccount));

    private string FolderOf(PostgresBinaries binaries, bool runAsServiceAccount) =>
        Path.Combine(CacheDirectory, FolderPrefix + Key(binaries, runAsServiceAccount));

    private static string Key(PostgresBinaries binaries, bool runAsServiceAccount)
    {
        var initDb = new FileInfo(binaries.InitDb);
        var resolved = initDb.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? initDb;
        var identity = string.Join(
            '|',
            Format,
            resolved.FullName,
            resolved.Exists ? resolved.Length.ToString(CultureInfo.InvariantCulture) : "-",
            resolved.Exists ? resolved.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "-",
            Environment.UserName,
            runAsServiceAccount ? "service-account" : "self");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static async Task<bool> RunCopyAsync(string from, string to, string workingDirectory, CancellationToken cancellationToken)
    {
        var copy = new ClusterProcessRunner(workingDirectory, runAsServiceAccount: false).Tool("cp", ["-a", from, to], asServiceAccount: false);

        try
        {
            var result = await ClusterProcessRunner.RunAsync(copy, CopyTimeout, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0;
        }
        catch (Errors.SchemaPlannerException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: what is left is cleaned up (stale) or overwritten (never: keys differ) later.
        }
    }
}
