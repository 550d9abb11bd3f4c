using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>An object kind SchemaPlanner does not model differs: it cannot plan it, so it is manual work.</summary>
public sealed class SP9001UnsupportedChange : SafetyRule
{
    public override string Id => "SP9001";

    public override string Name => "unsupported-change";

    public override string Summary => "A difference in an object kind SchemaPlanner does not model must be migrated by hand.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not UnsupportedChange unsupported)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.NoOnlinePath,
            Severity.Error,
            $"{unsupported.ObjectKind} {change.Object} {unsupported.Reason}",
            Recipes.Manual);
    }
}
