using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Every table the rehearsal watches, as each app version sees it, and how values move between the versions:
/// renames (from the changes), <c>using</c> hints (forward for a column of the new shape, backward for a column
/// only the old shape has), and identity for columns both shapes share.
/// </summary>
public sealed class ShapeMap
{
    private ShapeMap(IReadOnlyList<TableMapping> tables, IReadOnlyList<TableMapping> watched)
    {
        Tables = tables;
        Watched = watched;
    }

    /// <summary>Every table of either schema, paired across the versions.</summary>
    public IReadOnlyList<TableMapping> Tables { get; }

    /// <summary>The tables the plan touches: they get traffic, probes and value checks.</summary>
    public IReadOnlyList<TableMapping> Watched { get; }

    public static ShapeMap Build(SchemaModel from, SchemaModel to, IEnumerable<Change> changes, SchemaPlannerConfig config)
    {
        var changeList = changes.ToList();
        var tableRenames = changeList.OfType<RenameTable>().ToDictionary(r => r.Old.Name, r => r.New.Name);
        var columnRenames = changeList.OfType<RenameColumn>()
            .GroupBy(r => r.TableName)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.New.Name, r => r.Old.Name, StringComparer.Ordinal));

        var mappings = new List<TableMapping>();
        var paired = new HashSet<QualifiedName>();
        foreach (var old in from.Tables)
        {
            var newName = tableRenames.GetValueOrDefault(old.Name, old.Name);
            var @new = to.FindTable(newName);
            if (@new is not null)
            {
                paired.Add(@new.Name);
            }

            mappings.Add(Pair(old, @new, columnRenames.GetValueOrDefault(newName) ?? columnRenames.GetValueOrDefault(old.Name), config));
        }

        mappings.AddRange(to.Tables.Where(t => !paired.Contains(t.Name)).Select(t => Pair(null, t, null, config)));

        var touched = changeList.Select(c => c.Table).OfType<QualifiedName>().ToHashSet();
        var watched = mappings
            .Where(m => (m.Old is { } o && (touched.Contains(o.Name) || tableRenames.ContainsKey(o.Name))) || (m.New is { } n && touched.Contains(n.Name)))
            .Where(m => (m.Old ?? m.New)!.Table.Kind is TableKind.Regular or TableKind.Partitioned)
            .ToList();
        return new ShapeMap(mappings, watched);
    }

    public TableMapping? ByName(AppVersion version, QualifiedName name) => Tables.FirstOrDefault(t => t.Shape(version)?.Name == name);

    private static TableMapping Pair(Table? old, Table? @new, IReadOnlyDictionary<string, string>? renamedFrom, SchemaPlannerConfig config)
    {
        var oldShape = old is null ? null : TableShape.Of(old);
        var newShape = @new is null ? null : TableShape.Of(@new);
        var forward = new Dictionary<string, string>(StringComparer.Ordinal);
        var backward = new Dictionary<string, string>(StringComparer.Ordinal);
        if (old is not null && @new is not null)
        {
            var renamed = renamedFrom ?? new Dictionary<string, string>();
            var renamedTo = renamed.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
            foreach (var column in @new.Columns)
            {
                var hint = config.FindColumnHint(@new.Name, column.Name) ?? config.FindColumnHint(old.Name, column.Name);
                var source = renamed.GetValueOrDefault(column.Name) ?? (old.FindColumn(column.Name) is not null && !renamedTo.ContainsKey(column.Name) ? column.Name : null);
                if ((hint?.Using ?? (source is null ? null : Sql.Quote(source))) is { } expression)
                {
                    forward[column.Name] = expression;
                }
            }

            foreach (var column in old.Columns)
            {
                var target = renamedTo.GetValueOrDefault(column.Name) ?? (@new.FindColumn(column.Name) is not null && !renamed.ContainsKey(column.Name) ? column.Name : null);
                var hint = target is null || target != column.Name
                    ? config.FindColumnHint(@new.Name, column.Name) ?? config.FindColumnHint(old.Name, column.Name)
                    : null;
                var hintedInPlace = target == column.Name && (config.FindColumnHint(@new.Name, column.Name) ?? config.FindColumnHint(old.Name, column.Name)) is not null;
                if (hint is not null && @new.FindColumn(column.Name) is null)
                {
                    backward[column.Name] = hint.Using;
                }
                else if (target is not null && !hintedInPlace)
                {
                    backward[column.Name] = Sql.Quote(target);
                }
            }

            // Rows are followed across the versions by the old key, renamed: when the new shape lacks it, only counts compare.
            if (oldShape!.Key.Count > 0)
            {
                var mappedKey = oldShape.Key.Select(k => renamedTo.GetValueOrDefault(k) ?? k).ToList();
                newShape = mappedKey.All(k => @new.FindColumn(k) is not null) ? newShape! with { Key = mappedKey } : newShape! with { Key = [] };
            }
        }

        var selfHinted = old is null || @new is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : @new.Columns.Where(c => old.FindColumn(c.Name) is not null && (config.FindColumnHint(@new.Name, c.Name) ?? config.FindColumnHint(old.Name, c.Name)) is not null)
                .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new TableMapping(oldShape, newShape, forward, backward)
        {
            SelfHinted = selfHinted,
            CopiedFrom = old is null ? config.Copies.FirstOrDefault(h => h.Target == @new!.Name) : null,
            SyncedByCopy = old is null ? new HashSet<string>(StringComparer.Ordinal) : config.Copies.Where(h => h.Source == old.Name)
                .SelectMany(h => h.Columns.Select(c => c.Value.Trim()))
                .Select(e => old.Columns.FirstOrDefault(c => c.Name == e || Sql.Quote(c.Name) == e)?.Name)
                .OfType<string>()
                .Where(c => !oldShape!.Key.Contains(c))
                .ToHashSet(StringComparer.Ordinal),
        };
    }
}
