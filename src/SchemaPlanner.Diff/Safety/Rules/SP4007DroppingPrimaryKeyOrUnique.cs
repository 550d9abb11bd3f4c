using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Dropping a primary key, a unique constraint or a unique index while the running application still writes
/// <c>INSERT … ON CONFLICT</c> on its columns makes those inserts fail ("there is no unique or exclusion
/// constraint matching the ON CONFLICT specification"), and the lookups its index served scan the table. A
/// unique index is dropped concurrently after the deploy, when the version that relied on it is gone; a primary
/// key or unique constraint is a decision for the application's owners (its drop often cannot wait: a new
/// primary key, DROP NOT NULL on its columns and partitions' inherited keys need it gone in release 1). A key
/// whose columns (and predicate) stay unique through another index or constraint of the desired table — a
/// rename, a unique constraint becoming the primary key, a table becoming a partition of a parent whose own
/// unique index or key gives it a copy over the same columns — is no hazard.
/// </summary>
public sealed class SP4007DroppingPrimaryKeyOrUnique : SafetyRule
{
    public override string Id => "SP4007";

    public override string Name => "dropping-primary-key-or-unique";

    public override string Summary => "Dropping a primary key, unique constraint or unique index breaks the running application's INSERT … ON CONFLICT on it and makes its lookups scan the table.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        var (table, what, keys, key) = change switch
        {
            DropConstraint { Constraint.Kind: ConstraintKind.PrimaryKey or ConstraintKind.Unique } d =>
                (d.TableName, d.Constraint.Kind == ConstraintKind.PrimaryKey ? "primary key" : "unique constraint", d.Constraint.Columns.Select(Sql.Quote), KeyOf(d.Constraint)),
            DropIndex { Index: { Unique: true, Valid: true, Constraint: null } } d => (d.TableName, "unique index", d.Index.Keys, KeyOf(d.Index)),
            _ => default,
        };
        if (what is null || context.IsNewTable(table) || context.To.FindTable(table) is not { } desired || KeptKeys(desired, context).Contains(key))
        {
            yield break;
        }

        var columns = string.Join(", ", keys);
        var breaks = $"dropping {what} {change.Object} breaks the running application's INSERT … ON CONFLICT ({columns}) on {table}, and the lookups its index serves scan {table}{context.SizeNote(table)} instead";
        if (change is DropIndex)
        {
            // Dropped CONCURRENTLY after the deploy, when the version that relied on it is gone.
            yield return Hazard(HazardKind.BreaksRunningApp, Severity.Error, breaks, Recipes.DropIndexConcurrently);
            yield break;
        }

        // Other changes of the table in release 1 may depend on the key being gone (a new primary key, DROP NOT
        // NULL on its columns, a partition's inherited key), so it cannot simply wait for release 2.
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            breaks + "; drop it once no running version writes ON CONFLICT on it or needs its lookups",
            Recipes.Manual,
            Locks.AccessExclusive);
    }

    /// <summary>The keys of a unique index or constraint as ON CONFLICT infers them: the set of key columns or expressions and the predicate.</summary>
    private static (string Columns, string? Predicate) KeyOf(Model.Index index) => (Columns(index.Keys), index.Predicate);

    private static (string Columns, string? Predicate) KeyOf(Constraint constraint) => (Columns(constraint.Columns.Select(Sql.Quote)), null);

    private static string Columns(IEnumerable<string> keys) => string.Join("\n", keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// The unique keys <paramref name="table"/> has in the desired schema: its own, and those of every ancestor it
    /// is a partition of (PostgreSQL gives each partition its own copy of a partitioned table's unique index and of
    /// its primary key or unique constraint; the model lists them on the parent only). Partitions' columns carry
    /// the parent's names, so the keys read alike. The ancestors count only for a table that becomes a partition in
    /// this change: its ATTACH hands the key over (<see cref="Planning.Recipes.PartitionKeyHandover"/>). A partition
    /// that stays one has no such step: its own key's drop and the parent's new key are planned apart, with a
    /// window between them in which nothing arbitrates ON CONFLICT.
    /// </summary>
    private static HashSet<(string Columns, string? Predicate)> KeptKeys(Table table, ClassificationContext context)
    {
        var keys = new HashSet<(string Columns, string? Predicate)>();
        var seen = new HashSet<QualifiedName>();
        // As PartitionKeyHandover plans it: a table that was no partition before (a move between parents is not handed over).
        var attached = table.PartitionOf is not null && context.From.FindTable(table.Name) is { PartitionOf: null };
        for (Table? at = table; at is not null && seen.Add(at.Name); at = attached && at.PartitionOf is { } parent ? context.To.FindTable(parent) : null)
        {
            keys.UnionWith(at.Indexes.Where(i => i.Unique && i.Valid).Select(KeyOf));
            keys.UnionWith(at.Constraints.Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique).Select(KeyOf));
        }

        return keys;
    }
}
