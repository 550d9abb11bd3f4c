using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// PostgreSQL 14.0 to 14.3 can silently corrupt indexes built or rebuilt CONCURRENTLY (fixed in 14.4). On those
/// servers there is no safe online way to build an index on a live table: upgrade the minor version first.
/// </summary>
public sealed class SP3003ConcurrentIndexBugPg14 : SafetyRule
{
    public override string Id => "SP3003";

    public override string Name => "concurrent-index-bug-pg14";

    public override string Summary => "On PostgreSQL 14.0–14.3 CREATE INDEX CONCURRENTLY can corrupt the index: upgrade to 14.4 or later first.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (context.ServerVersionNumber is < 140000 or >= 140004)
        {
            yield break;
        }

        var (table, what) = change switch
        {
            AddIndex add => (add.TableName, "index " + add.Object),
            AddConstraint { Constraint.Kind: ConstraintKind.Unique or ConstraintKind.PrimaryKey } add => (add.TableName, "the index of constraint " + add.Object),
            _ => (null, ""),
        };
        if (table is null || SchemaFacts.IsNewRelation(context, table))
        {
            yield break;
        }

        var version = $"14.{context.ServerVersionNumber % 100}";
        yield return Hazard(
            HazardKind.NoOnlinePath,
            Severity.Error,
            $"building {what} CONCURRENTLY on PostgreSQL {version} can corrupt it (fixed in 14.4): upgrade the server before this migration",
            Recipes.Manual);
    }
}
