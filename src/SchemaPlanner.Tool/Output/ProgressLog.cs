using System.Diagnostics;
using System.Globalization;

namespace SchemaPlanner.Tool.Output;

/// <summary>
/// Says on stderr what took a while: a phase that lasted longer than <see cref="Threshold"/> (1 s unless
/// <c>SCHEMAPLAN_PROGRESS_AFTER_MS</c> says otherwise) is reported when it ends, as
/// <c>schemaplan: reading and comparing the schemas… (1.4 s)</c>. Nothing with <c>--quiet</c>; stdout is never written.
/// A phase that fails or is cancelled says nothing: its error is what the user reads first.
/// </summary>
internal sealed class ProgressLog(TextWriter stderr, bool quiet)
{
    private readonly TextWriter stderr = stderr;
    private readonly bool quiet = quiet;

    public const string ThresholdVariable = "SCHEMAPLAN_PROGRESS_AFTER_MS";

    public TimeSpan Threshold { get; init; } =
        int.TryParse(Environment.GetEnvironmentVariable(ThresholdVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(1);

    /// <summary>Times <paramref name="what"/> until <see cref="Timing.End"/> (never called when the phase throws).</summary>
    public Timing Phase(string what) => new(this, what);

    public sealed class Timing(ProgressLog log, string what)
    {
        private readonly long started = Stopwatch.GetTimestamp();

        /// <summary>The phase finished: say how long it took, if that was long.</summary>
        public void End()
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!log.quiet && elapsed >= log.Threshold)
            {
                log.stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schemaplan: {what}… ({elapsed.TotalSeconds:0.0} s)"));
            }
        }
    }
}
