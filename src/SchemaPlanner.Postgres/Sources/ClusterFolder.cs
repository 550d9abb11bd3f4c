using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// The folder of a throwaway cluster and the server in it, through its lifecycle: created with the owner's
/// process id in its name, given to the service account when running as root, initdb, started on a free
/// port, stopped, removed. Where the folder goes and the removal of folders whose owner died: <see cref="ClusterFolders"/>.
/// </summary>
internal sealed class ClusterFolder
{
    public const string SuperUser = "postgres";

    private const int StartAttempts = 3;

    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgresBinaries binaries;
    private readonly ClusterProcessRunner runner;

    private ClusterFolder(PostgresBinaries binaries, string rootDirectory, bool runAsServiceAccount)
    {
        this.binaries = binaries;
        RootDirectory = rootDirectory;
        runner = new ClusterProcessRunner(rootDirectory, runAsServiceAccount);
    }

    public static TimeSpan StopTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The temporary folder holding the data directory, the server log and the Unix socket.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    public int Port { get; private set; }

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    private string ConfigFile => Path.Combine(DataDirectory, "postgresql.conf");

    /// <summary>Removes folders whose owner is gone, then creates a fresh one for this process.</summary>
    public static ClusterFolder Create(PostgresBinaries binaries, bool runAsServiceAccount)
    {
        var diskParent = ClusterFolders.ParentDirectory(runAsServiceAccount);
        ClusterFolders.RemoveStaleFolders(diskParent);
        var parent = diskParent;
        if (ClusterFolders.MemoryBackedParent() is { } memory)
        {
            ClusterFolders.RemoveStaleFolders(memory);
            parent = memory;
        }

        return new ClusterFolder(binaries, ClusterFolders.CreateRootDirectory(parent), runAsServiceAccount);
    }

    /// <summary>As root, hands the folder to the service account that runs PostgreSQL; otherwise does nothing.</summary>
    public async Task GiveToServiceAccountAsync(CancellationToken cancellationToken)
    {
        if (!runner.RunsAsServiceAccount)
        {
            return;
        }

        var account = ClusterProcessRunner.ServiceAccount;
        var chown = await ClusterProcessRunner.RunAsync(runner.Tool("chown", [account + ":", RootDirectory], asServiceAccount: false), ToolTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"running as root, but could not give {RootDirectory} to the '{account}' OS user that runs PostgreSQL " +
                $"({ClusterProcessRunner.OneLine(chown.Output, 3)}); run as a regular user, create that user, or pass --dev-database");
        }
    }

    /// <summary>
    /// Fills the data directory: a copy of the cached template when there is one (true), else initdb, whose result
    /// then becomes the template for the next cluster (false).
    /// </summary>
    public async Task<bool> CreateDataDirectoryAsync(ClusterTemplates? templates, CancellationToken cancellationToken)
    {
        if (templates?.Find(binaries, runner.RunsAsServiceAccount) is { } template
            && await ClusterTemplates.CopyAsync(template, DataDirectory, RootDirectory, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        await InitDbAsync(cancellationToken).ConfigureAwait(false);
        if (templates is not null)
        {
            await templates.SaveAsync(binaries, runner.RunsAsServiceAccount, DataDirectory, RootDirectory, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Removes the cached template this folder's binaries would be copied from.</summary>
    public void DiscardTemplate(ClusterTemplates templates) => templates.Discard(binaries, runner.RunsAsServiceAccount);

    public async Task InitDbAsync(CancellationToken cancellationToken)
    {
        // C.UTF-8 is missing on some systems (older glibc, macOS); plain C always exists.
        ClusterProcessRunner.ProcessResult? failure = null;
        foreach (var locale in new[] { "C.UTF-8", "C" })
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }

            var result = await ClusterProcessRunner.RunAsync(
                    runner.Postgres(
                        binaries.InitDb,
                        ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-sync", "--locale=" + locale]),
                    InitDbTimeout,
                    cancellationToken)
                .ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return;
            }

            failure = result;
        }

        throw new SchemaPlannerException(
            ErrorKind.Environment,
            $"initdb failed with exit code {failure!.ExitCode} ({binaries.InitDb}): {ClusterProcessRunner.OneLine(failure.Output, 5)}");
    }

    public async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // Settings go into postgresql.conf rather than pg_ctl -o, because pg_ctl hands -o to a shell.
        AppendConfig(
            "# SchemaPlanner throwaway cluster: not durable on purpose.",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{RootDirectory.Replace("'", "''", StringComparison.Ordinal)}'",
            "fsync = off",
            "full_page_writes = off",
            "synchronous_commit = off");

        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the port between probing and binding: retry with a new one.
            Port = FindFreePort();
            AppendConfig($"port = {Port.ToString(CultureInfo.InvariantCulture)}");

            var result = await ClusterProcessRunner.RunAsync(
                    PgCtl(["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)]),
                    StartTimeout + TimeSpan.FromSeconds(15),
                    cancellationToken)
                .ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return;
            }

            var log = ReadLogTail();
            var portTaken = log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
            if (portTaken && attempt < StartAttempts)
            {
                continue;
            }

            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"the temporary PostgreSQL server failed to start (pg_ctl exit code {result.ExitCode}: {ClusterProcessRunner.OneLine(result.Output, 3)}); " +
                $"server log: {ClusterProcessRunner.OneLine(log, 8)}");
        }
    }

    /// <summary>Stops a running server immediately (it is throwaway) with pg_ctl, killing the postmaster if that fails.</summary>
    public async Task StopAsync()
    {
        if (!File.Exists(PidFile))
        {
            return;
        }

        try
        {
            var result = await ClusterProcessRunner.RunAsync(PgCtl(["stop", "-D", DataDirectory, "-m", "immediate", "-w"]), StopTimeout, CancellationToken.None)
                .ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                KillPostmaster();
            }
        }
        catch (SchemaPlannerException)
        {
            KillPostmaster();
        }
    }

    public ProcessStartInfo PgCtl(IEnumerable<string> arguments) => runner.Postgres(binaries.PgCtl, arguments);

    public int? ReadPostmasterPid()
    {
        try
        {
            // The first line of postmaster.pid is the postmaster's process id.
            var firstLine = File.ReadLines(PidFile).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void KillPostmaster()
    {
        try
        {
            if (ReadPostmasterPid() is { } pid)
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(StopTimeout);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone, or not ours to kill.
        }
    }

    public void Delete()
    {
        // Server processes may still be closing files for a moment after pg_ctl returns.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(RootDirectory))
                {
                    Directory.Delete(RootDirectory, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void AppendConfig(params string[] lines)
    {
        // Appending keeps the file's owner; later lines override earlier ones.
        File.AppendAllText(ConfigFile, "\n" + string.Join("\n", lines) + "\n", Encoding.UTF8);
    }

    private string ReadLogTail()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log was written)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(could not read {LogFile}: {ex.Message})";
        }
    }
}
