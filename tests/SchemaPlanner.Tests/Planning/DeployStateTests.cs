using SchemaPlanner.Errors;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Planning.Execution;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>What apply runs and refuses, from the history alone (no database: the states are data).</summary>
public sealed class DeployStateTests
{
    private static readonly PlanManifest Manifest = new(
        "out",
        "sha256:plan",
        "sha256:from",
        "sha256:to",
        [new ReleaseManifest(1, "release-1/APP.md", ["read body"]), new ReleaseManifest(2, "release-2/APP.md", [])],
        [
            Step(0, 1, Phase.PreDeploy, "a"),
            Step(1, 1, Phase.PreDeploy, "b"),
            Step(2, 1, Phase.Backfill, "c"),
            Step(3, 1, Phase.PostDeploy, "d"),
            Step(4, 2, Phase.PostDeploy, "e", reversible: false),
        ]);

    [Fact]
    public void Up_to_a_phase_runs_what_has_not_finished_and_refuses_a_point_before_what_ran()
    {
        var none = DeployState.Of(Manifest, []);
        Assert.False(none.AnyRan);
        Assert.Equal(PhasePoint.Start, none.Current);
        Assert.Equal(["a", "b"], Files(none.UpTo(PhasePoint.At(1, Phase.PreDeploy))));
        Assert.Equal(["a", "b", "c", "d", "e"], Files(none.UpTo(PhasePoint.End)));
        Assert.Throws<SchemaPlannerException>(() => none.UpTo(PhasePoint.Start));

        var state = DeployState.Of(Manifest, [Row(1, "a", HistoryOutcome.Done), Row(2, "b", HistoryOutcome.Running), Row(3, "a", HistoryOutcome.Done, plan: "sha256:other")]);
        Assert.True(state.AnyRan);
        Assert.Equal([StepState.Done, StepState.Interrupted, StepState.Pending], state.Steps.Take(3).Select(s => s.State));
        Assert.Equal(["b", "c"], Files(state.UpTo(PhasePoint.At(1, Phase.Verify))));
        Assert.Equal(PhasePoint.At(1, Phase.PreDeploy), state.Next!.Value.Point);
        Assert.Equal(["b"], Files(state.Next!.Value.Steps.Select(s => s.Step)));

        var further = DeployState.Of(Manifest, [Row(1, "a", HistoryOutcome.Done), Row(2, "b", HistoryOutcome.Done), Row(3, "c", HistoryOutcome.Failed)]);
        var refused = Assert.Throws<SchemaPlannerException>(() => further.UpTo(PhasePoint.At(1, Phase.PreDeploy)));
        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Contains("--to 1/pre-deploy is before what already ran (c.up.sql is interrupted)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["c"], Files(further.UpTo(PhasePoint.At(1, Phase.Backfill))));
    }

    [Fact]
    public void Down_undoes_what_ran_after_the_point_last_first_and_refuses_an_irreversible_step_unless_forced()
    {
        var all = DeployState.Of(Manifest, [.. new[] { "a", "b", "c", "d", "e" }.Select((f, i) => Row(i + 1, f, HistoryOutcome.Done))]);
        Assert.Equal(PhasePoint.End, all.Current);
        Assert.Null(all.Next);
        var refused = Assert.Throws<SchemaPlannerException>(() => all.DownTo(PhasePoint.At(1, Phase.PreDeploy), force: false));
        Assert.Contains("e.up.sql cannot be undone (drops data)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["e", "d", "c"], Files(all.DownTo(PhasePoint.At(1, Phase.PreDeploy), force: true)));
        Assert.Empty(all.DownTo(PhasePoint.End, force: false));

        var undone = DeployState.Of(Manifest, [Row(1, "a", HistoryOutcome.Done), Row(2, "b", HistoryOutcome.Done), Row(3, "b", HistoryOutcome.Done, down: true), Row(4, "a", HistoryOutcome.Running, down: true)]);
        Assert.Equal([StepState.UndoInterrupted, StepState.Undone], undone.Steps.Take(2).Select(s => s.State));
        Assert.Equal(["a"], Files(undone.DownTo(PhasePoint.Start, force: false)));
        Assert.Equal(["a", "b"], Files(undone.UpTo(PhasePoint.At(1, Phase.PreDeploy))));
    }

    [Theory]
    [InlineData("1/pre-deploy", 1, Phase.PreDeploy)]
    [InlineData("2/post-deploy", 2, Phase.PostDeploy)]
    public void Points_parse_as_release_and_phase(string text, int release, Phase phase) =>
        Assert.Equal(PhasePoint.At(release, phase), PhasePoint.Parse(text, Manifest));

    [Theory]
    [InlineData("3/pre-deploy", "the plan has no release 3 (it has 1, 2)")]
    [InlineData("1/deploy", "is not a point of the plan")]
    [InlineData("pre-deploy", "is not a point of the plan")]
    public void Points_the_plan_does_not_have_are_refused(string text, string message) =>
        Assert.Contains(message, Assert.Throws<SchemaPlannerException>(() => PhasePoint.Parse(text, Manifest)).Message, StringComparison.Ordinal);

    private static ManifestStep Step(int index, int release, Phase phase, string name, bool reversible = true) =>
        new(index, new ExecutableStep(release, phase, true, name + ".up.sql", "", name + ".down.sql", "", reversible), name, "sha256:up", "sha256:down", reversible ? null : "drops data");

    private static HistoryEntry Row(long id, string name, string outcome, bool down = false, string plan = "sha256:plan") =>
        new(id, plan, name + (down ? ".down.sql" : ".up.sql"), down, "sha256:x", DateTimeOffset.UnixEpoch, outcome == HistoryOutcome.Running ? null : DateTimeOffset.UnixEpoch, outcome, null);

    private static List<string> Files(IEnumerable<ManifestStep> steps) => steps.Select(s => s.Step.UpFile[..^".up.sql".Length]).ToList();
}
