using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// A throwaway PostgreSQL cluster in a fresh temporary folder, listening on 127.0.0.1 on a free port
/// with trust authentication and durability switched off. Disposing it stops the server and deletes
/// the folder; so does process exit or Ctrl+C if the owner never gets to dispose it.
/// </summary>
public sealed class TemporaryCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";

    /// <summary>PostgreSQL refuses to run as root; this OS account runs it instead.</summary>
    private const string ServiceAccount = "postgres";

    /// <summary>Folder names are this, the owner's process id, '-' and random hex digits.</summary>
    private const string FolderPrefix = "schemaplan-pg-";

    private const int StartAttempts = 3;

    /// <summary>Same number on Linux and macOS.</summary>
    private const int SignalQuit = 3;

    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgresBinaries binaries;
    private readonly bool runAsServiceAccount;
    private int cleanedUp;

    private TemporaryCluster(PostgresBinaries binaries, string rootDirectory, bool runAsServiceAccount)
    {
        this.binaries = binaries;
        RootDirectory = rootDirectory;
        this.runAsServiceAccount = runAsServiceAccount;
        ConnectionString = string.Empty;
    }

    /// <summary>The temporary folder holding the data directory, the server log and the Unix socket.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public int Port { get; private set; }

    /// <summary>Npgsql keyword form for the <c>postgres</c> superuser and database; no password is needed.</summary>
    public string ConnectionString { get; private set; }

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    private string ConfigFile => Path.Combine(DataDirectory, "postgresql.conf");

    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>Starts a cluster with the binaries found by <see cref="PostgresBinaries.Find()"/>.</summary>
    public static Task<TemporaryCluster> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(PostgresBinaries.Find(), cancellationToken);

    /// <exception cref="SchemaPlannerException">With <see cref="ErrorKind.Environment"/> when the cluster cannot be created or started.</exception>
    public static async Task<TemporaryCluster> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binaries);
        cancellationToken.ThrowIfCancellationRequested();

        var runAsServiceAccount = IsRoot();
        var parent = ParentDirectory(runAsServiceAccount);
        RemoveStaleFolders(parent);
        var cluster = new TemporaryCluster(binaries, CreateRootDirectory(parent), runAsServiceAccount);

        // Registered before anything else runs, so an interrupted start-up leaves nothing behind.
        cluster.RegisterExitHandlers();
        try
        {
            await cluster.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch (Exception ex)
        {
            cluster.CleanUp();
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
        if (Interlocked.Exchange(ref cleanedUp, 1) != 0)
        {
            return;
        }

        UnregisterExitHandlers();
        if (File.Exists(PidFile))
        {
            try
            {
                var result = await RunAsync(PgCtl(["stop", "-D", DataDirectory, "-m", "immediate", "-w"]), StopTimeout, CancellationToken.None)
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

        DeleteRootDirectory();
    }

    private static bool IsRoot() =>
        !OperatingSystem.IsWindows()
        && (string.Equals(Environment.UserName, "root", StringComparison.Ordinal) || Environment.IsPrivilegedProcess);

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

    private static string ParentDirectory(bool runAsServiceAccount) =>
        // The service account must be able to reach the folder, and root's TMPDIR may be private.
        runAsServiceAccount ? "/tmp" : Path.GetTempPath();

    private static string CreateRootDirectory(string parent)
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

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (runAsServiceAccount)
        {
            var chown = await RunAsync(Tool("chown", [ServiceAccount + ":", RootDirectory], asServiceAccount: false), ToolTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (chown.ExitCode != 0)
            {
                throw new SchemaPlannerException(
                    ErrorKind.Environment,
                    $"running as root, but could not give {RootDirectory} to the '{ServiceAccount}' OS user that runs PostgreSQL " +
                    $"({OneLine(chown.Output, 3)}); run as a regular user, create that user, or pass --dev-database");
            }
        }

        await InitDbAsync(cancellationToken).ConfigureAwait(false);
        await StartServerAsync(cancellationToken).ConfigureAwait(false);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = SuperUser,
            Database = SuperUser,
        }.ConnectionString;
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        // C.UTF-8 is missing on some systems (older glibc, macOS); plain C always exists.
        ProcessResult? failure = null;
        foreach (var locale in new[] { "C.UTF-8", "C" })
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }

            var result = await RunAsync(
                    Tool(
                        binaries.InitDb,
                        ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-sync", "--locale=" + locale],
                        runAsServiceAccount),
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
            $"initdb failed with exit code {failure!.ExitCode} ({binaries.InitDb}): {OneLine(failure.Output, 5)}");
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
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

            var result = await RunAsync(
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
                $"the temporary PostgreSQL server failed to start (pg_ctl exit code {result.ExitCode}: {OneLine(result.Output, 3)}); " +
                $"server log: {OneLine(log, 8)}");
        }
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

    private static string OneLine(string text, int lastLines)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return "no output";
        }

        var tail = string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - lastLines)));
        return tail.Length <= 2000 ? tail : tail[^2000..];
    }

    private void RegisterExitHandlers()
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    private void UnregisterExitHandlers()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Console.CancelKeyPress -= OnCancelKeyPress;
    }

    private void OnProcessExit(object? sender, EventArgs e) => CleanUp();

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => CleanUp();

    /// <summary>
    /// Synchronous stop and delete, for exit handlers and failed start-ups. Never throws. It must be quick:
    /// a host such as the test runner kills the process soon after exit begins, so instead of running
    /// pg_ctl (a child process that polls every 100 ms) it does what <c>pg_ctl stop -m immediate</c> does itself.
    /// </summary>
    private void CleanUp()
    {
        if (Interlocked.Exchange(ref cleanedUp, 1) != 0)
        {
            return;
        }

        try
        {
            UnregisterExitHandlers();
            if (File.Exists(PidFile))
            {
                if (OperatingSystem.IsWindows())
                {
                    StopWithPgCtl();
                }
                else
                {
                    StopWithSignal();
                }
            }

            DeleteRootDirectory();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or Win32Exception)
        {
            // Best effort: this runs while the process is going down or already failing.
        }
    }

    private void StopWithPgCtl()
    {
        var stopped = false;
        try
        {
            stopped = Run(PgCtl(["stop", "-D", DataDirectory, "-m", "immediate", "-w"]), StopTimeout) == 0;
        }
        catch (SchemaPlannerException)
        {
            // Fall through to killing the postmaster.
        }

        if (!stopped)
        {
            KillPostmaster();
        }
    }

    [UnsupportedOSPlatform("windows")]
    private void StopWithSignal()
    {
        // SIGQUIT is PostgreSQL's immediate shutdown; the postmaster removes its pid file once it is down.
        var pid = ReadPostmasterPid();
        if (pid is null || Kill(pid.Value, SignalQuit) != 0)
        {
            return;
        }

        var deadline = Environment.TickCount64 + 5_000;
        while (File.Exists(PidFile) && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(10);
        }

        if (File.Exists(PidFile))
        {
            KillPostmaster();
        }
    }

    private int? ReadPostmasterPid()
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

    private void KillPostmaster()
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

    private void DeleteRootDirectory()
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

    private ProcessStartInfo PgCtl(IEnumerable<string> arguments) => Tool(binaries.PgCtl, arguments, runAsServiceAccount);

    private ProcessStartInfo Tool(string fileName, IEnumerable<string> arguments, bool asServiceAccount)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,

            // The caller's working directory may be one the service account cannot enter.
            WorkingDirectory = RootDirectory,
        };

        if (asServiceAccount)
        {
            startInfo.FileName = RunUserPath();
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServiceAccount);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string RunUserPath() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = StartProcess(startInfo);
        var output = ReadOutputAsync(process);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw TimedOut(startInfo, timeout);
        }

        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false));
    }

    private static int Run(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        using var process = StartProcess(startInfo);
        _ = ReadOutputAsync(process);
        if (!process.WaitForExit(timeout))
        {
            TryKill(process);
            throw TimedOut(startInfo, timeout);
        }

        return process.ExitCode;
    }

    private static Process StartProcess(ProcessStartInfo startInfo)
    {
        try
        {
            var process = Process.Start(startInfo)
                ?? throw new SchemaPlannerException(ErrorKind.Environment, $"could not run {DisplayName(startInfo)}");
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception ex)
        {
            throw new SchemaPlannerException(ErrorKind.Environment, $"could not run {DisplayName(startInfo)}: {ex.Message}", ex);
        }
    }

    private static async Task<string> ReadOutputAsync(Process process)
    {
        // Both streams are drained together so neither pipe can fill up and block the child.
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        var texts = await Task.WhenAll(standardOutput, standardError).ConfigureAwait(false);
        return texts[0] + "\n" + texts[1];
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited.
        }
    }

    private static SchemaPlannerException TimedOut(ProcessStartInfo startInfo, TimeSpan timeout) =>
        new(ErrorKind.Environment, $"{DisplayName(startInfo)} did not finish within {timeout.TotalSeconds:0} s");

    private static string DisplayName(ProcessStartInfo startInfo)
    {
        var arguments = startInfo.ArgumentList;
        var separator = arguments.IndexOf("--");
        var tool = separator >= 0 && separator + 1 < arguments.Count ? arguments[separator + 1] : startInfo.FileName;
        return Path.GetFileName(tool);
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private sealed record ProcessResult(int ExitCode, string Output);
}
