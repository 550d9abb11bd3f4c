using System.Globalization;
using Npgsql;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Fills the tables a rehearsal watches (and the tables they reference) with synthetic rows generated from the
/// schema: parents first, foreign keys pointing at existing parent rows, NULLs where a column is nullable (and
/// stays so, or a hint fills it), every type's extremes. A row that breaks a constraint is skipped, and so are
/// rows the desired schema's new CHECKs and UNIQUE constraints would reject: data production cannot hold.
/// Runs only on a scratch database the rehearsal made itself.
/// </summary>
public static class SyntheticRows
{
    public static async Task<IReadOnlyDictionary<QualifiedName, long>> SeedAsync(
        NpgsqlConnection connection,
        SchemaModel from,
        SchemaModel to,
        ShapeMap map,
        int rowsPerTable,
        Func<QualifiedName, string, bool> hinted,
        CancellationToken cancellationToken)
    {
        var counts = new Dictionary<QualifiedName, long>();
        foreach (var table in InReferenceOrder(from, map))
        {
            var mapping = map.ByName(AppVersion.Old, table.Name);
            await using (var command = new NpgsqlCommand(SeedBlock(table, from, to, mapping, rowsPerTable, hinted), connection))
            {
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (mapping?.New is { } shape)
            {
                foreach (var statement in NewConstraintCleanup(table, shape.Table, mapping))
                {
                    await using var cleanup = new NpgsqlCommand(statement, connection);
                    cleanup.CommandTimeout = 0;
                    await cleanup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using var count = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.count_rows", ("table", table.Name.Sql)), connection);
            counts[table.Name] = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>The watched tables of the old schema and every table they reference, parents before children.</summary>
    internal static IReadOnlyList<Table> InReferenceOrder(SchemaModel from, ShapeMap map)
    {
        var wanted = new HashSet<QualifiedName>(map.Watched.Select(m => m.Old?.Name).OfType<QualifiedName>());
        var queue = new Queue<QualifiedName>(wanted);
        while (queue.TryDequeue(out var name))
        {
            foreach (var parent in References(from, map, name))
            {
                if (wanted.Add(parent))
                {
                    queue.Enqueue(parent);
                }
            }
        }

        var ordered = new List<Table>();
        var done = new HashSet<QualifiedName>();
        void Visit(QualifiedName name, HashSet<QualifiedName> path)
        {
            if (done.Contains(name) || !path.Add(name) || from.FindTable(name) is not { } table)
            {
                return;
            }

            foreach (var parent in References(from, map, name).Where(p => p != name))
            {
                Visit(parent, path);
            }

            if (done.Add(name))
            {
                ordered.Add(table);
            }
        }

        foreach (var name in wanted.OrderBy(n => n))
        {
            Visit(name, []);
        }

        return ordered.Where(t => t.Kind is TableKind.Regular or TableKind.Partitioned).ToList();
    }

    private static IEnumerable<QualifiedName> References(SchemaModel from, ShapeMap map, QualifiedName name) =>
        from.FindTable(name) is { } table
            ? ForeignKeysFor(table, from, map.ByName(AppVersion.Old, name)).Select(f => f.ReferencedTable).OfType<QualifiedName>().Distinct()
            : [];

    /// <summary>The old column a new-shape column is a plain copy of, if it is one.</summary>
    private static string? OldColumn(TableMapping mapping, string newColumn) =>
        mapping.Forward.TryGetValue(newColumn, out var expression) && mapping.Old!.Columns.FirstOrDefault(c => Sql.Quote(c.Name) == expression) is { } old
            ? old.Name
            : null;

    private static string SeedBlock(Table table, SchemaModel from, SchemaModel to, TableMapping? mapping, int rows, Func<QualifiedName, string, bool> hinted)
    {
        var declare = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fkIndex = 0;
        foreach (var fk in ForeignKeysFor(table, from, mapping))
        {
            if (fk.ReferencedTable is not { } parent || from.FindTable(parent) is null || fk.Columns.Any(values.ContainsKey))
            {
                continue;
            }

            // One array per referenced column, all in the same row order, so element i of each is one parent row.
            var variable = "parents_" + fkIndex++;
            var order = string.Join(", ", fk.ReferencedColumns.Select(Sql.Quote));
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                var type = table.FindColumn(fk.Columns[i])!.Type;
                declare.Add($"{variable}_{i} {type}[] := ARRAY(SELECT {Sql.Quote(fk.ReferencedColumns[i])}::{type} FROM {parent.Sql} ORDER BY {order} LIMIT 10000)");
                values[fk.Columns[i]] = $"{variable}_{i}[1 + g % greatest(cardinality({variable}_{i}), 1)]";
            }
        }

        var columns = new List<string>();
        var expressions = new List<string>();
        foreach (var column in table.Columns)
        {
            if (column.Generated is not null || column.Identity != IdentityKind.None || column.Default?.StartsWith("nextval(", StringComparison.Ordinal) == true)
            {
                continue;
            }

            var counterpart = NewCounterpart(mapping, column.Name);
            var enumLabels = EnumLabels(from, to, column, counterpart);
            var domain = from.Domains.FirstOrDefault(d => d.Name == column.TypeName);
            var expression = values.TryGetValue(column.Name, out var reference)
                ? reference
                : SeedValues.Expression(column.Type, enumLabels, domain?.BaseType, counterpart?.Type is { } t && t != column.Type ? t : null, extremes: counterpart is not { Identity: not IdentityKind.None });

            // NULLs only where the column may hold them in both versions, unless a hint says how they are filled.
            var staysNullable = counterpart is null || !counterpart.NotNull || (mapping?.New is { } shape && hinted(shape.Name, counterpart.Name));
            if (!column.NotNull && staysNullable)
            {
                expression = $"CASE WHEN g % 7 = 3 THEN NULL ELSE {expression} END";
            }

            columns.Add(Sql.Quote(column.Name));
            expressions.Add(expression);
        }

        var declarations = declare.Count == 0 ? "" : string.Join(";\n    ", declare) + ";";
        var count = rows.ToString(CultureInfo.InvariantCulture);
        // One INSERT of every row, which is what the rows one at a time give when no constraint rejects any of them.
        var list = string.Join(", ", columns);
        var row = string.Join(", ", expressions);
        var (insertAll, insert) = columns.Count == 0
            ? (EmbeddedSql.Fill("Rehearsal.seed_insert_all_defaults", ("table", table.Name.Sql), ("rows", count)),
               EmbeddedSql.Fill("Rehearsal.seed_insert_defaults", ("table", table.Name.Sql)))
            : (EmbeddedSql.Fill("Rehearsal.seed_insert_all", ("table", table.Name.Sql), ("columns", list), ("values", row), ("rows", count)),
               EmbeddedSql.Fill("Rehearsal.seed_insert", ("table", table.Name.Sql), ("columns", list), ("values", row)));
        return EmbeddedSql.Fill("Rehearsal.seed_rows", ("declarations", declarations), ("rows", count), ("insert_all", insertAll), ("insert", insert));
    }

    /// <summary>Foreign keys of the old table, and those the new schema adds over columns the old table has.</summary>
    private static IEnumerable<Constraint> ForeignKeysFor(Table table, SchemaModel from, TableMapping? mapping)
    {
        var map = new List<Constraint>(table.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey));
        if (mapping?.New is not { } shape)
        {
            return map;
        }

        foreach (var fk in shape.Table.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey))
        {
            var columns = fk.Columns.Select(c => OldColumn(mapping, c)).ToList();
            if (columns.Any(c => c is null) || map.Any(c => c.Columns.SequenceEqual(columns!)) || fk.ReferencedTable is not { } parent)
            {
                continue;
            }

            // The parent by its old name when it is renamed: the new schema's FK names the new one.
            var oldParent = from.Tables.FirstOrDefault(t => t.Name == parent) ?? from.Tables.FirstOrDefault(t => t.Name.Name == parent.Name);
            if (oldParent is null || fk.ReferencedColumns.Any(c => oldParent.FindColumn(c) is null))
            {
                continue;
            }

            map.Add(fk with { Columns = columns.ToEquatableArray()!, ReferencedTable = oldParent.Name });
        }

        return map;
    }

    /// <summary>The new-shape column holding this old column's values: a plain copy of it, else the one of the same name.</summary>
    private static Column? NewCounterpart(TableMapping? mapping, string oldColumn) =>
        mapping?.New?.Columns.FirstOrDefault(c => mapping.Forward.TryGetValue(c.Name, out var e) && e == Sql.Quote(oldColumn))
        ?? mapping?.New?.Columns.FirstOrDefault(c => c.Name == oldColumn && mapping.Forward.ContainsKey(c.Name));

    /// <summary>Labels of an enum column, only those the new version's type keeps too.</summary>
    private static IReadOnlyList<string>? EnumLabels(SchemaModel from, SchemaModel to, Column column, Column? counterpart)
    {
        if (from.FindEnum(ElementType(column)) is not { } oldEnum)
        {
            return null;
        }

        return counterpart is not null && to.FindEnum(ElementType(counterpart)) is { } newEnum
            ? oldEnum.Values.Where(newEnum.Values.Contains).ToList()
            : oldEnum.Values;
    }

    /// <summary>The type the column holds, or holds an array of (introspection names the element type).</summary>
    private static QualifiedName ElementType(Column column) => column.TypeName;

    /// <summary>Deletes seeded rows the desired schema's new CHECK and UNIQUE constraints would reject.</summary>
    private static IEnumerable<string> NewConstraintCleanup(Table old, Table @new, TableMapping mapping)
    {
        foreach (var constraint in @new.Constraints)
        {
            var columns = constraint.Columns.Select(c => OldColumn(mapping, c)).ToList();
            if (columns.Any(c => c is null) || columns.Count == 0)
            {
                continue;
            }

            if (constraint.Kind == ConstraintKind.Check && !old.Constraints.Any(c => c.Definition == constraint.Definition))
            {
                // The definition names the new columns; it is tried as is (a renamed column makes it fail, and it is skipped).
                yield return Guarded(EmbeddedSql.Fill("Rehearsal.delete_violating", ("table", old.Name.Sql), ("check", CheckExpression(constraint.Definition))));
            }
            else if (constraint.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey)
            {
                var list = string.Join(", ", columns.Select(c => "a." + Sql.Quote(c!)));
                var other = string.Join(", ", columns.Select(c => "b." + Sql.Quote(c!)));
                yield return Guarded(EmbeddedSql.Fill("Rehearsal.delete_duplicates", ("table", old.Name.Sql), ("list", list), ("other", other)));
            }
        }
    }

    internal static string CheckExpression(string definition)
    {
        var text = definition.Trim();
        if (text.StartsWith("CHECK ", StringComparison.Ordinal))
        {
            text = text["CHECK ".Length..].Trim();
        }

        if (text.EndsWith(" NO INHERIT", StringComparison.Ordinal))
        {
            text = text[..^" NO INHERIT".Length];
        }

        return text;
    }

    private static string Guarded(string statement) => EmbeddedSql.Fill("Rehearsal.guarded", ("statement", statement));
}
