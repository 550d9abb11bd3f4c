using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>View statements: <c>sql/statements/view/*.sbn</c>. <c>Materialized</c> writes <c>MATERIALIZED VIEW</c>.</summary>
public static class ViewSql
{
    /// <summary><c>CREATE [OR REPLACE] [MATERIALIZED] VIEW view AS</c>, a newline, then the query (<c>pg_get_viewdef</c>, no semicolon).</summary>
    public sealed record Create(QualifiedName View, string Query, bool Materialized = false, bool OrReplace = false) : ISqlStatement;

    /// <summary><c>CREATE VIEW view AS SELECT * FROM table</c>: a table's old name kept readable and writable after a rename.</summary>
    public sealed record CreateOver(QualifiedName View, QualifiedName Table) : ISqlStatement;

    public sealed record Drop(QualifiedName View, bool Materialized = false, bool IfExists = false) : ISqlStatement;
}
