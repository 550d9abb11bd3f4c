using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// CREATE INDEX without CONCURRENTLY holds a SHARE lock (writes blocked) for the whole build, which reads the
/// entire table. A unique index also fails when duplicates already exist.
/// </summary>
public sealed class SP3001CreatingIndexNonConcurrently : SafetyRule
{
    public override string Id => "SP3001";

    public override string Name => "creating-index-non-concurrently";

    public override string Summary => "CREATE INDEX blocks writes for the whole build; CREATE INDEX CONCURRENTLY does not.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddIndex add || SchemaFacts.IsNewRelation(context, add.TableName))
        {
            yield break;
        }

        var partitioned = context.From.FindTable(add.TableName)?.Kind == Model.TableKind.Partitioned;
        var note = partitioned ? " (a partitioned table: build it CONCURRENTLY on each partition, then ON ONLY the parent and ATTACH)" : "";
        yield return Hazard(
            HazardKind.Lock,
            context.CostSeverity(add.TableName),
            $"creating index {change.Object} blocks writes to {add.TableName}{context.SizeNote(add.TableName)} while it reads the whole table{note}",
            Recipes.CreateIndexConcurrently,
            Locks.Share);
        if (add.Index.Unique)
        {
            yield return Hazard(
                HazardKind.MayFail,
                Severity.Warning,
                $"unique index {change.Object} fails to build if {add.TableName} already holds duplicates (CONCURRENTLY then leaves an INVALID index behind)",
                Recipes.CreateIndexConcurrently);
        }
    }
}
