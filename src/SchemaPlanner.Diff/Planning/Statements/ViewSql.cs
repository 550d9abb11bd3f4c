using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>View statements: <c>sql/statements/view/*.sbn</c>.</summary>
public static class ViewSql
{
    /// <summary><c>CREATE VIEW view AS SELECT * FROM table</c>: a table's old name kept readable and writable after a rename.</summary>
    public sealed record CreateOver(QualifiedName View, QualifiedName Table) : ISqlStatement;

    /// <summary><c>DROP [MATERIALIZED] VIEW [IF EXISTS] view</c>.</summary>
    public sealed record Drop(QualifiedName View, bool Materialized = false, bool IfExists = false) : ISqlStatement;
}
