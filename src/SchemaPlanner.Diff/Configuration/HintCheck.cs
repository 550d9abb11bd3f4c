using SchemaPlanner.Errors;
using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// Hints must name objects that exist: a typo in a hint would otherwise leave it silently unused and the change
/// planned as if there were no hint (a backfill without values, a drop instead of a rename).
/// </summary>
public static class HintCheck
{
    /// <summary>Throws <see cref="ErrorKind.InvalidInput"/> naming every hint whose table or column is in neither schema.</summary>
    public static void Validate(SchemaPlannerConfig config, SchemaModel current, SchemaModel desired)
    {
        var problems = new List<string>();
        foreach (var hint in config.Columns)
        {
            var tables = new[] { current.FindTable(hint.Table), desired.FindTable(hint.Table) }.OfType<Table>().ToList();
            if (tables.Count == 0)
            {
                problems.Add($"{hint}: table {hint.Table} is in neither the current nor the desired schema");
            }
            else if (!tables.Any(t => t.FindColumn(hint.Column) is not null))
            {
                problems.Add($"{hint}: column {hint.Table.Member(hint.Column)} is in neither the current nor the desired schema");
            }
        }

        foreach (var hint in config.Renames)
        {
            var old = current.FindTable(hint.Table);
            // A column rename is keyed by the old table name; the table may be renamed by another hint.
            var tableTo = hint.Column is null
                ? hint.To
                : config.Renames.FirstOrDefault(r => r.Column is null && r.Table == hint.Table)?.To ?? hint.Table.Name;
            var newName = hint.Table with { Name = tableTo };
            var newTable = desired.FindTable(newName);
            if (old is null)
            {
                problems.Add($"{hint}: table {hint.Table} is not in the current schema");
            }
            else if (hint.Column is not null && old.FindColumn(hint.Column) is null)
            {
                problems.Add($"{hint}: column {hint.Table.Member(hint.Column)} is not in the current schema");
            }
            else if (newTable is null)
            {
                problems.Add($"{hint}: table {newName} is not in the desired schema");
            }
            else if (hint.Column is not null && newTable.FindColumn(hint.To) is null)
            {
                problems.Add($"{hint}: column {newTable.Name.Member(hint.To)} is not in the desired schema");
            }
        }

        foreach (var hint in config.Copies)
        {
            var target = desired.FindTable(hint.Target);
            if (current.FindTable(hint.Source) is null)
            {
                problems.Add($"{hint}: table {hint.Source} is not in the current schema");
            }
            else if (target is null)
            {
                problems.Add($"{hint}: table {hint.Target} is not in the desired schema");
            }
            else if (current.FindTable(hint.Target) is not null)
            {
                problems.Add($"{hint}: table {hint.Target} already exists; \"copy\" fills a table this plan creates");
            }
            else if (hint.Columns.FirstOrDefault(c => target.FindColumn(c.Key) is null) is { Key: not null } missing)
            {
                problems.Add($"{hint}: column {hint.Target.Member(missing.Key)} is not in the desired schema");
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, string.Join("; ", problems));
        }
    }
}
