using System.Globalization;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// A point in a plan's timeline, as <c>--to</c> names it: <c>start</c> (before any step), <c>&lt;release&gt;/&lt;phase&gt;</c>
/// (after that phase's last step) or <c>end</c> (after the last step).
/// </summary>
public sealed record PhasePoint(int Release, Phase Phase, bool IsStart = false, bool IsEnd = false) : IComparable<PhasePoint>
{
    public static PhasePoint Start { get; } = new(0, Phase.PreDeploy, IsStart: true);

    public static PhasePoint End { get; } = new(int.MaxValue, Phase.PostDeploy, IsEnd: true);

    public static PhasePoint At(int release, Phase phase) => new(release, phase);

    /// <summary>Parses <paramref name="text"/>; a release the plan does not have is refused with the ones it has.</summary>
    public static PhasePoint Parse(string text, PlanManifest manifest)
    {
        var trimmed = text.Trim();
        if (trimmed == "end")
        {
            return End;
        }

        if (trimmed == "start")
        {
            return Start;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var phase = slash < 0 ? null : PhaseNames.Parse(trimmed[(slash + 1)..]);
        if (slash < 0 || phase is null || !int.TryParse(trimmed[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var release))
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--to: \"{text}\" is not a point of the plan; expected <release>/<phase> (e.g. 1/pre-deploy; phases: pre-deploy, backfill, verify, post-deploy), start or end");
        }

        return manifest.Release(release) is not null
            ? At(release, phase.Value)
            : throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--to: the plan has no release {release} (it has {string.Join(", ", manifest.Releases.Select(r => r.Number.ToString(CultureInfo.InvariantCulture)))})");
    }

    /// <summary>Whether a step at <paramref name="step"/> runs before or at this point.</summary>
    public bool Covers(PhasePoint step) => CompareTo(step) >= 0;

    public int CompareTo(PhasePoint? other) =>
        other is null ? 1 : (Release, (int)Phase, IsEnd ? 1 : 0).CompareTo((other.Release, (int)other.Phase, other.IsEnd ? 1 : 0));

    public override string ToString() => IsStart ? "start" : IsEnd ? "end" : $"{Release.ToString(CultureInfo.InvariantCulture)}/{PhaseNames.Of(Phase)}";
}
