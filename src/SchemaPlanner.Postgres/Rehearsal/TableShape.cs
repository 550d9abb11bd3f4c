using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// A table as one app version sees it: the name it uses, the columns it reads and writes (with that version's
/// types), and the columns that identify a row (the primary key, else a unique index over NOT NULL columns;
/// empty when the table has neither, and rows are then only counted).
/// </summary>
public sealed record TableShape(QualifiedName Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> Key, Table Table)
{
    public Column Column(string name) => Columns.First(c => c.Name == name);

    /// <summary>Columns an app writes: not generated and not <c>GENERATED ALWAYS AS IDENTITY</c>.</summary>
    public IEnumerable<Column> Writable => Columns.Where(c => c.Generated is null && c.Identity != IdentityKind.Always);

    public static TableShape Of(Table table) => new(table.Name, table.Columns, KeyOf(table), table);

    private static IReadOnlyList<string> KeyOf(Table table)
    {
        if (table.PrimaryKey is { } pk)
        {
            return pk.Columns;
        }

        var unique = table.Indexes
            .Where(i => i.Unique && i.Predicate is null && i.Keys.Count > 0 && i.Keys.All(k => table.FindColumn(k) is { NotNull: true }))
            .OrderBy(i => i.Keys.Count)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return unique is null ? [] : unique.Keys;
    }
}
