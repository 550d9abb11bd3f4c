using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ALTER DOMAIN cannot change a domain's base type or collation: it takes a new domain and a type change of every
/// column using it. SchemaPlanner does not plan that; it is manual work.
/// </summary>
public sealed class SP5004ChangingDomainType : SafetyRule
{
    public override string Id => "SP5004";

    public override string Name => "changing-domain-type";

    public override string Summary => "A domain's base type or collation cannot be changed in place: it needs a new domain and column type changes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterDomain alter || (alter.Old.BaseType == alter.New.BaseType && alter.Old.Collation == alter.New.Collation))
        {
            yield break;
        }

        var what = alter.Old.BaseType != alter.New.BaseType
            ? $"base type from {alter.Old.BaseType} to {alter.New.BaseType}"
            : $"collation from {alter.Old.Collation ?? "default"} to {alter.New.Collation ?? "default"}";
        yield return Hazard(
            HazardKind.NoOnlinePath,
            Severity.Error,
            $"changing domain {change.Object} {what} is not possible in place: create a new domain and change every column that uses it",
            Recipes.Manual);
    }
}
