using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ALTER DOMAIN … ADD CONSTRAINT (validated) or SET NOT NULL checks every column of the domain, scanning each
/// table under a SHARE lock (writes blocked); afterwards the running application's violating writes fail.
/// A CHECK can be added NOT VALID, but VALIDATE CONSTRAINT on a domain also holds SHARE until PostgreSQL 19
/// lowered it to SHARE UPDATE EXCLUSIVE; NOT NULL has no NOT VALID form at all.
/// </summary>
public sealed class SP5003AddingDomainConstraint : SafetyRule
{
    public override string Id => "SP5003";

    public override string Name => "adding-domain-constraint";

    public override string Summary => "Adding a CHECK or NOT NULL to a domain scans every table with a column of it and rejects violating writes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterDomain alter)
        {
            yield break;
        }

        var added = alter.New.Checks.Where(c => !alter.Old.Checks.Any(o => o.Name == c.Name && o.Definition == c.Definition)).ToList();
        var validatedNow = alter.New.Checks
            .Where(c => c.Validated && alter.Old.Checks.Any(o => o.Name == c.Name && o.Definition == c.Definition && !o.Validated))
            .Select(c => "VALIDATE " + Model.Sql.Quote(c.Name));
        var setNotNull = alter.New.NotNull && !alter.Old.NotNull;
        var scanning = added.Where(c => c.Validated).Select(c => "CHECK " + Model.Sql.Quote(c.Name)).ToList();
        if (setNotNull)
        {
            scanning.Add("NOT NULL");
        }

        // Before PostgreSQL 19, VALIDATE CONSTRAINT on a domain blocks writes just like adding it validated.
        var splitHelps = context.MajorVersion >= 19 && !setNotNull;
        if (context.MajorVersion < 19)
        {
            scanning.AddRange(validatedNow);
        }

        var recipe = splitHelps ? Recipes.ConstraintNotValidThenValidate : Recipes.Manual;

        var columns = SchemaFacts.ColumnsOfType(context.From, alter.Old.Name).Where(x => !context.IsNewTable(x.Table)).ToList();
        if (columns.Count == 0)
        {
            yield break;
        }

        if (scanning.Count > 0)
        {
            foreach (var table in columns.Select(x => x.Table).Distinct())
            {
                yield return Hazard(
                    HazardKind.Scan,
                    context.CostSeverity(table),
                    $"{string.Join(" and ", scanning)} on domain {change.Object} scans {table}{context.SizeNote(table)} under a SHARE lock (writes blocked)",
                    recipe,
                    Locks.Share);
            }
        }

        // A CHECK the live domain has already (dropped and re-added around a function it calls) rejects nothing new.
        var live = context.From.Domains.FirstOrDefault(d => d.Name == alter.New.Name);
        var rejecting = added.Where(c => live is null || !live.Checks.Any(o => o.Name == c.Name && o.Definition == c.Definition)).ToList();
        if (rejecting.Count > 0 || setNotNull)
        {
            var constraints = rejecting.Select(c => "CHECK " + Model.Sql.Quote(c.Name)).Concat(setNotNull ? ["NOT NULL"] : []);
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"{string.Join(" and ", constraints)} on domain {change.Object} rejects the running application's violating writes to {string.Join(", ", columns.Select(x => x.Table.Member(x.Column.Name)))}",
                recipe);
        }
    }
}
