using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DROP FUNCTION, or a signature or result change (which is a drop and a create): callers of the running
/// application use the old signature.
/// </summary>
public sealed class SP6002DroppingFunction : SafetyRule
{
    public override string Id => "SP6002";

    public override string Name => "dropping-function";

    public override string Summary => "Dropping a function or changing its signature or result type breaks the callers still using it.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropFunction drop)
        {
            yield break;
        }

        var old = drop.Function;
        var sameSignature = context.To.Functions.FirstOrDefault(f => f.Name == old.Name && f.Arguments == old.Arguments);
        var sameName = context.To.Functions.Where(f => f.Name == old.Name && f.Arguments != old.Arguments).ToList();
        var renamedParameters = sameName.FirstOrDefault(f => old.InputTypes is not null && f.InputTypes == old.InputTypes);
        if (sameSignature is not null && sameSignature.Result == old.Result && sameSignature.Kind == old.Kind)
        {
            // Dropped only so that something it depends on can be dropped and re-created: it comes back right after.
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Warning,
                $"{old.Kind} {change.Object} is dropped and re-created around an object it depends on; calls fail in between",
                Recipes.AsIs);
        }
        else if (renamedParameters is not null && renamedParameters.Result == old.Result && renamedParameters.Kind == old.Kind)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Warning,
                $"renaming the parameters of {old.Kind} {change.Object} to ({renamedParameters.Arguments}) drops and re-creates it: calls fail in between, and calls naming a parameter (name => value) break",
                Recipes.AsIs);
        }
        else if (sameSignature is not null)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"changing {old.Kind} {change.Object} from returning {old.Result} to {sameSignature.Result} drops and re-creates it, breaking callers that expect the old result",
                Recipes.FunctionNewSignature);
        }
        else if (sameName.Count > 0)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"changing the signature of {old.Kind} {change.Object} to {string.Join(", ", sameName.Select(f => f.Signature))} breaks callers that use the old one",
                Recipes.FunctionNewSignature);
        }
        else
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"dropping {old.Kind} {change.Object} breaks the application version that still calls it",
                Recipes.StopUsingThenDrop);
        }
    }
}
