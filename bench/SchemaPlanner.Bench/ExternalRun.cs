using System.Diagnostics;
using System.Globalization;

namespace SchemaPlanner.Bench;

/// <summary>One run of another program, timed end to end by wall clock, with its peak resident memory.</summary>
/// <summary>CpuMs: user + system time of the process and its children (GNU time %U + %S), when known.</summary>
internal sealed record ExternalResult(int ExitCode, double WallMs, double? PeakRssMb, double? CpuMs, string Stdout, string Stderr, bool TimedOut);

internal static class ExternalRun
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>. The wall clock covers process start to
    /// exit (runtime start-up, connecting, reading, diffing, printing). Peak RSS comes from GNU time's %M when
    /// /usr/bin/time exists, else from polling /proc/PID/status VmHWM.
    /// </summary>
    public static async Task<ExternalResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var useTime = File.Exists(GnuTime);
        var timeFile = useTime ? Path.GetTempFileName() : null;
        var psi = new ProcessStartInfo
        {
            FileName = useTime ? GnuTime : fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (useTime)
        {
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add("%M %U %S");
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add(timeFile!);
            psi.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        double polledPeakKb = 0;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            if (useTime)
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            else
            {
                while (!process.HasExited)
                {
                    polledPeakKb = Math.Max(polledPeakKb, ReadHighWaterKb(process.Id));
                    await Task.WhenAny(process.WaitForExitAsync(timeoutSource.Token), Task.Delay(20, timeoutSource.Token));
                    timeoutSource.Token.ThrowIfCancellationRequested();
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        stopwatch.Stop();
        double? peakMb = polledPeakKb > 0 ? polledPeakKb / 1024 : null;
        double? cpuMs = null;
        if (timeFile is not null)
        {
            var text = File.ReadAllText(timeFile).Trim();
            // "Command exited with non-zero status N" may come first; the format line is the last one.
            var last = (text.Split('\n').LastOrDefault() ?? string.Empty).Trim().Split(' ');
            if (last.Length == 3
                && double.TryParse(last[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb)
                && double.TryParse(last[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                && double.TryParse(last[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
            {
                peakMb = kb / 1024;
                cpuMs = (user + system) * 1000;
            }

            File.Delete(timeFile);
        }

        return new ExternalResult(process.ExitCode, stopwatch.Elapsed.TotalMilliseconds, peakMb, cpuMs, await stdout, await stderr, timedOut);
    }

    private static double ReadHighWaterKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
                    return double.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Exited between the check and the read.
        }

        return 0;
    }
}
