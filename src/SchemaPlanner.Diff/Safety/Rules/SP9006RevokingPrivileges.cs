using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>REVOKE: a role that loses a privilege the running application uses gets permission errors.</summary>
public sealed class SP9006RevokingPrivileges : SafetyRule
{
    public override string Id => "SP9006";

    public override string Name => "revoking-privileges";

    public override string Summary => "Revoking a privilege breaks the running application if its role still uses it.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not ChangePrivileges privileges)
        {
            yield break;
        }

        var revoked = privileges.Old.Except(privileges.New).ToList();
        if (revoked.Count == 0)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"revoking {string.Join(", ", revoked)} on {privileges.ObjectType.ToLowerInvariant()} {change.Object} breaks the running application if its role still needs them",
            Recipes.StopUsingThenDrop);
    }
}
