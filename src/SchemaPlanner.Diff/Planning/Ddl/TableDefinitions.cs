using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
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
        var inline = table.Constraints
            .Where(c => c.Kind != ConstraintKind.ForeignKey && (c.Validated || c.Kind != ConstraintKind.Check))
            .Select(c => new ConstraintDefinition(c.Name, c.Definition))
            .ToList();
        var partitionParent = table.PartitionOf is { } p ? to?.FindTable(p) : null;

        // A partition's columns are its parent's; only its own constraints are listed.
        List<string> columns = table.PartitionOf is not null ? [] : OwnColumns(table, to);
        ddl.Emit(new TableSql.Create(
            table.Name,
            table.Unlogged,
            columns,
            inline,
            table.PartitionOf is null ? table.Inherits : EquatableArray<QualifiedName>.Empty,
            table.PartitionOf,
            table.PartitionBound,
            table.PartitionKey));

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
                    ddl.Emit(column.Default is null
                        ? new ColumnSql.DropDefault(table.Name, column.Name)
                        : new ColumnSql.SetDefault(table.Name, column.Name, column.Default));
                }

                if (column.NotNull && !parentColumn.NotNull)
                {
                    ddl.Emit(new ColumnSql.SetNotNull(table.Name, column.Name));
                }
            }
        }

        foreach (var check in table.Constraints.Where(c => c.Kind == ConstraintKind.Check && !c.Validated))
        {
            ddl.Emit(AddConstraint(table.Name, check));
        }

        if (table.RowLevelSecurity)
        {
            ddl.Emit(new TableSql.RowLevelSecurity(table.Name, Enable: true));
        }

        if (table.ForceRowLevelSecurity)
        {
            ddl.Emit(new TableSql.ForceRowLevelSecurity(table.Name, Force: true));
        }
    }

    /// <summary>The definitions of the columns the table declares itself (an inherited column unchanged is its parent's).</summary>
    private static List<string> OwnColumns(Table table, SchemaModel? to)
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

        return lines;
    }
}
