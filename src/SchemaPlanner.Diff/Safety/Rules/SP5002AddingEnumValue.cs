using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ALTER TYPE … ADD VALUE is catalog-only and safe, but before PostgreSQL 12 it cannot run inside a transaction
/// block (and from 12 on the new value cannot be used until the transaction commits).
/// </summary>
public sealed class SP5002AddingEnumValue : SafetyRule
{
    public override string Id => "SP5002";

    public override string Name => "adding-enum-value";

    public override string Summary => "Adding an enum value is safe, but before PostgreSQL 12 it cannot run inside a transaction.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddEnumValue || context.MajorVersion >= 12)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.NonTransactional,
            Severity.Warning,
            $"adding enum value {change.Object} cannot run inside a transaction block before PostgreSQL 12",
            Recipes.EnumAddValue);
    }
}
