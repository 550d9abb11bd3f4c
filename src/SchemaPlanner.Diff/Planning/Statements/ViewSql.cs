using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>View statements: <c>sql/statements/view/*.sbn</c>. <c>Materialized</c> writes <c>MATERIALIZED VIEW</c>.</summary>
public static class ViewSql
{
    /// <summary><c>CREATE [OR REPLACE] [MATERIALIZED] VIEW view AS</c>, a newline, then the query (<c>pg_get_viewdef</c>, no semicolon).</summary>
    public sealed record Create(QualifiedName View, string Query, bool Materialized = false, bool OrReplace = false) : ISqlStatement;

    public sealed record Drop(QualifiedName View, bool Materialized = false) : ISqlStatement;
}
