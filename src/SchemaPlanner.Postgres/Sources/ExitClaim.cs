namespace SchemaPlanner.Sources;

/// <summary>
/// One clean-up of a throwaway server that must happen even when its owner never disposes it: registered handlers
/// for process exit and Ctrl+C run <c>cleanUpNow</c>. Whoever comes first (dispose, a handler, a failed start-up)
/// claims it with <see cref="TryClaim"/>; the others get false, and the handlers are removed.
/// </summary>
internal sealed class ExitClaim(Action cleanUpNow)
{
    private int claimed;

    public void Register()
    {
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        Console.CancelKeyPress += OnExit;
    }

    /// <summary>True once, for the first caller, who then does the clean-up.</summary>
    public bool TryClaim()
    {
        if (Interlocked.Exchange(ref claimed, 1) != 0)
        {
            return false;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        Console.CancelKeyPress -= OnExit;
        return true;
    }

    private void OnExit(object? sender, EventArgs e) => cleanUpNow();
}
