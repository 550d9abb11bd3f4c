namespace SchemaPlanner.Planning;

/// <summary>The phases of one release, in the order they run.</summary>
public enum Phase
{
    /// <summary>Before the new app version rolls out: must be compatible with the version still running.</summary>
    PreDeploy,

    /// <summary>Batched data work while both versions serve traffic.</summary>
    Backfill,

    /// <summary>Checks that must pass before anything is removed.</summary>
    Verify,

    /// <summary>After the rollout: the old app version is gone.</summary>
    PostDeploy,
}
