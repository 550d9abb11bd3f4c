using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;

namespace SchemaPlanner.Safety;

/// <summary>Runs every rule over every change; marks hazards accepted in schemaplan.json as allowed.</summary>
public static class Classifier
{
    public static IReadOnlyList<ClassifiedChange> Classify(
        IReadOnlyList<Change> changes,
        ClassificationContext context,
        IReadOnlyList<AllowEntry> allow,
        Func<Change, Sources.Scripts.SourceLocation?>? locate = null)
    {
        var result = new List<ClassifiedChange>(changes.Count);
        foreach (var change in changes)
        {
            var hazards = Parts(change)
                .SelectMany(part => RuleRegistry.All.SelectMany(rule => rule.Check(part, context)))
                .DistinctBy(h => (h.Rule, h.Message))
                .Select(h => Allow(h, change, allow))
                .OrderBy(h => h.Rule, StringComparer.Ordinal)
                .ThenBy(h => h.Message, StringComparer.Ordinal)
                .ToList();
            result.Add(new ClassifiedChange(change, hazards, locate?.Invoke(change)));
        }

        return result;
    }

    /// <summary>
    /// The change, and what it does besides its own kind: a rename that also changes the column's type (or
    /// nullability, default, …) is classified by the column rules as well, so it lists the rewrite's hazards
    /// and not only the rename's.
    /// </summary>
    private static IEnumerable<Change> Parts(Change change)
    {
        yield return change;
        if (change is RenameColumn rename)
        {
            var renamed = rename.Old with { Name = rename.New.Name };
            var changed = Diffing.ColumnComparison.Compare(renamed, rename.New);
            if (changed != ColumnChange.None)
            {
                yield return new AlterColumn(rename.TableName, renamed, rename.New, changed);
            }
        }
    }

    private static Hazard Allow(Hazard hazard, Change change, IReadOnlyList<AllowEntry> allow)
    {
        var entry = allow.FirstOrDefault(a =>
            string.Equals(a.Rule, hazard.Rule, StringComparison.OrdinalIgnoreCase) && SameObject(a.Object, change));
        return entry is null ? hazard : hazard with { AllowedBecause = entry.Reason };
    }

    private static bool SameObject(string name, Change change) =>
        name == "*" || string.Equals(Normalize(name), Normalize(change.Object), StringComparison.Ordinal);

    // Hints are written in SQL identifier syntax; compare in the parsed, re-quoted form so "public.x" and
    // public.x (or Public.X) match.
    private static string Normalize(string name)
    {
        try
        {
            return string.Join('.', ObjectPath.Parse(name, "allow").Select(Model.Sql.Quote));
        }
        catch (Errors.SchemaPlannerException)
        {
            return name;
        }
    }
}
