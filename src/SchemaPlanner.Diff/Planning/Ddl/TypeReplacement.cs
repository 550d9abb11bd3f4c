using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// A type that cannot be altered in place (an enum losing labels, a domain's base type, a collation) is created
/// again beside the old one and the live columns using it are moved over.
/// </summary>
internal static class TypeReplacement
{
    /// <summary>
    /// Renames the old type away, creates the new one, moves every live column to it through text (defaults are
    /// dropped first and set again, as they name the old type), drops the old type.
    /// </summary>
    public static void Replace(QualifiedName name, ISqlStatement create, bool isDomain, DdlBuilder ddl, SchemaModel fromModel, SchemaModel toModel)
    {
        var away = AwayName(name);
        ddl.Emit(isDomain ? new DomainSql.Rename(name, away.Name) : new TypeSql.Rename(name, away.Name));
        ddl.Emit(create);
        foreach (var (table, column) in LiveColumns(fromModel, toModel, col => col.TypeName == name))
        {
            var desired = toModel.FindTable(table)?.FindColumn(column.Name);
            if (column.Default is not null)
            {
                ddl.Emit(new ColumnSql.DropDefault(table, column.Name));
            }

            var isArray = column.Type.EndsWith("[]", StringComparison.Ordinal);
            ddl.Emit(new ColumnSql.SetType(table, column.Name, column.Type, Using: Sql.Quote(column.Name) + (isArray ? "::text[]::" : "::text::") + column.Type));
            var defaultValue = desired is not null && desired.Type == column.Type ? desired.Default : column.Default;
            if (defaultValue is not null)
            {
                ddl.Emit(new ColumnSql.SetDefault(table, column.Name, defaultValue));
            }
        }

        ddl.Emit(isDomain ? new DomainSql.Drop(away) : new TypeSql.Drop(away));
    }

    /// <summary>
    /// Columns of <paramref name="fromModel"/> matching <paramref name="predicate"/> that still exist when
    /// types are created (dropped tables and columns are gone by then; ones the target keeps are live).
    /// Columns of a renamed table or column are not found: their old name is not in the target.
    /// </summary>
    public static IEnumerable<(QualifiedName Table, Column Column)> LiveColumns(SchemaModel fromModel, SchemaModel toModel, Func<Column, bool> predicate)
    {
        foreach (var table in fromModel.Tables)
        {
            var desired = toModel.FindTable(table.Name);
            if (desired is null)
            {
                continue;
            }

            foreach (var column in table.Columns.Where(predicate))
            {
                // Inherited columns follow their parent's ALTER; partitions' columns are their parent's.
                if (desired.FindColumn(column.Name) is null || IsInheritedColumn(fromModel, table, column.Name))
                {
                    continue;
                }

                yield return (table.Name, column);
            }
        }
    }

    private static bool IsInheritedColumn(SchemaModel model, Table table, string column) =>
        Parents(table).Any(p => model.FindTable(p)?.FindColumn(column) is not null);

    private static IEnumerable<QualifiedName> Parents(Table table) =>
        table.PartitionOf is { } parent ? table.Inherits.Append(parent) : table.Inherits;
}
