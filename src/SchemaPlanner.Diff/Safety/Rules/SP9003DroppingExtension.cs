using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>DROP EXTENSION removes its functions, types and operators, which the running application may call.</summary>
public sealed class SP9003DroppingExtension : SafetyRule
{
    public override string Id => "SP9003";

    public override string Name => "dropping-extension";

    public override string Summary => "Dropping an extension removes its functions and types from under the running application.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropExtension)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"dropping extension {change.Object} removes its functions, types and operators, which the running application may still use",
            Recipes.StopUsingThenDrop);
    }
}
