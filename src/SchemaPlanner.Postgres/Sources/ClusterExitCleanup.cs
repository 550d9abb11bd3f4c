using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Makes sure a throwaway cluster's folder goes away even when its owner never disposes it: handlers for
/// process exit and Ctrl+C stop the server and delete the folder. Whoever comes first (dispose, a handler, a
/// failed start-up) claims the clean-up; the others do nothing.
/// </summary>
internal sealed class ClusterExitCleanup
{
    /// <summary>Same number on Linux and macOS.</summary>
    private const int SignalQuit = 3;

    private readonly ClusterFolder folder;
    private readonly ExitClaim claim;

    public ClusterExitCleanup(ClusterFolder folder)
    {
        this.folder = folder;
        claim = new ExitClaim(CleanUpNow);
    }

    public void Register() => claim.Register();

    /// <summary>True once, for the first caller, who then does the clean-up; the exit handlers are removed.</summary>
    public bool TryClaim() => claim.TryClaim();

    /// <summary>
    /// Synchronous stop and delete, for exit handlers and failed start-ups. Never throws. It must be quick:
    /// a host such as the test runner kills the process soon after exit begins, so instead of running
    /// pg_ctl (a child process that polls every 100 ms) it does what <c>pg_ctl stop -m immediate</c> does itself.
    /// </summary>
    public void CleanUpNow()
    {
        if (!claim.TryClaim())
        {
            return;
        }

        try
        {
            if (File.Exists(folder.PidFile))
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

            folder.Delete();
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
            stopped = ClusterProcessRunner.Run(folder.PgCtl(["stop", "-D", folder.DataDirectory, "-m", "immediate", "-w"]), ClusterFolder.StopTimeout) == 0;
        }
        catch (SchemaPlannerException)
        {
            // Fall through to killing the postmaster.
        }

        if (!stopped)
        {
            folder.KillPostmaster();
        }
    }

    [UnsupportedOSPlatform("windows")]
    private void StopWithSignal()
    {
        // SIGQUIT is PostgreSQL's immediate shutdown; the postmaster removes its pid file once it is down.
        var pid = folder.ReadPostmasterPid();
        if (pid is null || Kill(pid.Value, SignalQuit) != 0)
        {
            return;
        }

        var deadline = Environment.TickCount64 + 5_000;
        while (File.Exists(folder.PidFile) && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(10);
        }

        if (File.Exists(folder.PidFile))
        {
            folder.KillPostmaster();
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
