using System.Text;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>A table created from its definition: by <c>CreateTable</c>, and again by the partition-key rebuild.</summary>
internal static class TableDefinitions
{
    /// <summary>
    /// <c>CREATE TABLE</c> with columns and the constraints that need no other table inline; then what
    /// CREATE TABLE cannot say: NOT VALID checks, row-level security. Foreign keys, indexes, triggers,
    /// policies and grants are changes of their own.
    /// </summary>
    public static void Create(Table table, DdlBuilder ddl)
    {
        var to = ddl.To;
        var sql = new StringBuilder("CREATE ");
        if (table.Unlogged)
        {
            sql.Append("UNLOGGED ");
        }

        sql.Append("TABLE ").Append(table.Name.Sql);
        var inline = table.Constraints
            .Where(c => c.Kind != ConstraintKind.ForeignKey && (c.Validated || c.Kind != ConstraintKind.Check))
            .Select(c => "CONSTRAINT " + Sql.Quote(c.Name) + " " + c.Definition)
            .ToList();
        var partitionParent = table.PartitionOf is { } p ? to?.FindTable(p) : null;
        if (table.PartitionOf is not null)
        {
            // A partition's columns are its parent's; only its own constraints are listed.
            sql.Append(" PARTITION OF ").Append(table.PartitionOf.Sql);
            if (inline.Count > 0)
            {
                sql.Append(" (\n").Append(string.Join(",\n", inline.Select(l => Indent + l))).Append("\n)");
            }

            sql.Append(' ').Append(table.PartitionBound ?? "DEFAULT");
        }
        else
        {
            var parents = table.Inherits.Select(n => to?.FindTable(n)).ToList();
            var lines = new List<string>();
            foreach (var column in table.Columns)
            {
                var inherited = parents.Select(t => t?.FindColumn(column.Name)).FirstOrDefault(c => c is not null);
                if (inherited is not null && inherited == column)
                {
                    continue;
                }

                lines.Add(ColumnDefinitions.Of(column, inheritedGenerated: inherited is not null && inherited.Generated is not null));
            }

            lines.AddRange(inline);
            sql.Append(lines.Count == 0 ? " ()" : " (\n" + string.Join(",\n", lines.Select(l => Indent + l)) + "\n)");
            if (!table.Inherits.IsEmpty)
            {
                sql.Append(" INHERITS (").Append(string.Join(", ", table.Inherits.Select(n => n.Sql))).Append(')');
            }
        }

        if (table.PartitionKey is not null)
        {
            sql.Append(" PARTITION BY ").Append(table.PartitionKey);
        }

        ddl.Emit(sql.ToString());

        if (partitionParent is not null)
        {
            // Column defaults and NOT NULL a partition has beyond its parent's.
            foreach (var column in table.Columns)
            {
                var parentColumn = partitionParent.FindColumn(column.Name);
                if (parentColumn is null)
                {
                    continue;
                }

                if (column.Default != parentColumn.Default)
                {
                    ddl.Emit(AlterTable(table.Name) + " ALTER COLUMN " + Sql.Quote(column.Name) + (column.Default is null ? " DROP DEFAULT" : " SET DEFAULT " + column.Default));
                }

                if (column.NotNull && !parentColumn.NotNull)
                {
                    ddl.Emit(AlterTable(table.Name) + " ALTER COLUMN " + Sql.Quote(column.Name) + " SET NOT NULL");
                }
            }
        }

        foreach (var check in table.Constraints.Where(c => c.Kind == ConstraintKind.Check && !c.Validated))
        {
            ddl.Emit(AddConstraint(table.Name, check));
        }

        if (table.RowLevelSecurity)
        {
            ddl.Emit(AlterTable(table.Name) + " ENABLE ROW LEVEL SECURITY");
        }

        if (table.ForceRowLevelSecurity)
        {
            ddl.Emit(AlterTable(table.Name) + " FORCE ROW LEVEL SECURITY");
        }
    }
}
