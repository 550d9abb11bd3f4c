using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Where throwaway clusters' folders go (memory when there is room, else the temporary folder), how they are
/// named (the owner's process id in the name) and the removal of folders whose owner died without cleaning up.
/// </summary>
internal static class ClusterFolders
{
    /// <summary>Folder names are this, the owner's process id, '-' and random hex digits.</summary>
    private const string FolderPrefix = "schemaplan-pg-";

    /// <summary>Free space a memory-backed folder must have before a cluster goes there (initdb alone writes ~40 MB).</summary>
    internal const long MemoryBackedMinimumFree = 1L << 30;

    /// <summary>
    /// <c>/dev/shm</c> when it is a memory-backed file system (tmpfs) with <see cref="MemoryBackedMinimumFree"/> free,
    /// else null. The cluster is thrown away, so it loses nothing by living in memory, and it gains most of its speed:
    /// each CREATE TABLE creates and truncates files, and on a disk those metadata writes wait for the journal even
    /// with <c>fsync = off</c> (the bench's 3,000 DDL statements: ~6.5 s on this VM's disk, ~1.6 s in memory).
    /// A container's default /dev/shm (64 MB) is too small and is passed over.
    /// </summary>
    internal static string? MemoryBackedParent(string path = "/dev/shm")
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(path))
        {
            return null;
        }

        try
        {
            var drive = new DriveInfo(path);
            return drive.DriveFormat == "tmpfs" && drive.AvailableFreeSpace >= MemoryBackedMinimumFree ? path : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes cluster folders left behind by processes that no longer exist. Exit handlers get little
    /// time (the test runner kills its host 100 ms after asking it to exit) and none at all after SIGKILL,
    /// so a folder can outlive its owner; the owner's process id is part of the folder name for this.
    /// A server still running in such a folder notices its lock file is gone and shuts itself down.
    /// </summary>
    internal static void RemoveStaleFolders(string parent)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, FolderPrefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in candidates)
        {
            var parts = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId)
                || ownerId == Environment.ProcessId
                || IsProcessRunning(ownerId))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or being deleted concurrently: not ours to insist on.
            }
        }
    }

    /// <summary>As root, hands the folder to the service account that runs PostgreSQL; otherwise does nothing.</summary>
    private static bool IsProcessRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    internal static string ParentDirectory(bool runAsServiceAccount) =>
        // The service account must be able to reach the folder, and root's TMPDIR may be private.
        runAsServiceAccount ? "/tmp" : Path.GetTempPath();

    /// <summary>A new folder named for this process (so <see cref="RemoveStaleFolders"/> knows its owner), readable by this user only.</summary>
    internal static string CreateRootDirectory(string parent)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = FormattableString.Invariant($"{FolderPrefix}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
            var path = Path.Combine(parent, name);
            if (Directory.Exists(path) && attempt < 5)
            {
                continue;
            }

            try
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(path);
                }
                else
                {
                    Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SchemaPlannerException(
                    ErrorKind.Environment,
                    $"could not create a temporary folder for the PostgreSQL server under {parent}: {ex.Message}",
                    ex);
            }

            return path;
        }
    }
}
