namespace SchemaPlanner.Planning;

public static class PhaseNames
{
    /// <summary>Folder and JSON name of a phase: pre-deploy, backfill, verify, post-deploy.</summary>
    public static string Of(Phase phase) => phase switch
    {
        Phase.PreDeploy => "pre-deploy",
        Phase.Backfill => "backfill",
        Phase.Verify => "verify",
        Phase.PostDeploy => "post-deploy",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <summary>The phase a folder or JSON name stands for, or null.</summary>
    public static Phase? Parse(string name) => name switch
    {
        "pre-deploy" => Phase.PreDeploy,
        "backfill" => Phase.Backfill,
        "verify" => Phase.Verify,
        "post-deploy" => Phase.PostDeploy,
        _ => null,
    };
}
