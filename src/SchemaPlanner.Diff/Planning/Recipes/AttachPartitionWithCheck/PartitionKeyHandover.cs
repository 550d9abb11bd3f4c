using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A table that becomes a partition loses its own primary key or unique constraint in the diff when its new
/// parent has the same key: the partition's copy of the parent's key replaces it (the model lists it on the
/// parent only). Dropping it before the ATTACH, where the differ's order puts drops, would leave the running
/// application's INSERT … ON CONFLICT on the table without a matching constraint until the ATTACH, so:
/// <list type="bullet">
/// <item>When ATTACH PARTITION adopts the table's constraint as its copy of the parent's (same kind and the same
/// definition, the parent's key there when the ATTACH runs), nothing is dropped: the constraint is the copy, and
/// ON CONFLICT never misses it.</item>
/// <item>When the parent's key has the same columns but ATTACH would not adopt this one (other column order, a
/// primary key for a unique constraint), ATTACH builds the partition its own copy, and the old key is dropped
/// right after the ATTACH, not before.</item>
/// </list>
/// </summary>
internal static class PartitionKeyHandover
{
    public static void Plan(ClassifiedChange attach, PlanningContext context, RecipeOutput output)
    {
        if (attach.Change is not AlterTable { Old.PartitionOf: null, New.PartitionOf: { } parent } alter)
        {
            return;
        }

        var keys = AncestorKeys(parent, context.To);
        foreach (var drop in context.Changes.Where(c => !context.IsClaimed(c.Change)))
        {
            if (drop.Change is not DropConstraint { Constraint.Kind: ConstraintKind.PrimaryKey or ConstraintKind.Unique } d || d.TableName != alter.New.Name)
            {
                continue;
            }

            var same = keys.Where(k => ColumnSet(k.Key) == ColumnSet(d.Constraint)).ToList();
            if (same.Count == 0)
            {
                continue;
            }

            context.Claim(drop.Change);
            var adopted = same.Any(k => k.Table == parent && k.Key.Kind == d.Constraint.Kind && k.Key.Definition == d.Constraint.Definition
                && !context.Changes.Any(c => c.Change is AddConstraint a && a.TableName == k.Table && a.Constraint.Name == k.Key.Name));
            if (!adopted)
            {
                // Placed with the ATTACH (it serves it), after it: the partition's copy exists by then.
                output.Steps.Add(AsIsSteps.Step(drop, context, release: 1, Phase.PreDeploy) with { Serves = attach.Change });
            }
        }
    }

    private static List<(QualifiedName Table, Constraint Key)> AncestorKeys(QualifiedName parent, SchemaModel desired)
    {
        var keys = new List<(QualifiedName, Constraint)>();
        var seen = new HashSet<QualifiedName>();
        for (var at = desired.FindTable(parent); at is not null && seen.Add(at.Name); at = at.PartitionOf is { } p ? desired.FindTable(p) : null)
        {
            keys.AddRange(at.Constraints.Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique).Select(c => (at.Name, c)));
        }

        return keys;
    }

    private static string ColumnSet(Constraint key) => string.Join("\n", key.Columns.Order(StringComparer.Ordinal));
}
