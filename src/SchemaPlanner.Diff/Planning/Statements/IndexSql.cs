using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Index statements: <c>sql/statements/index/*.sbn</c>.</summary>
public static class IndexSql
{
    /// <summary>An index as PostgreSQL defines it (<c>pg_get_indexdef</c>, <c>ON ONLY</c> already resolved).</summary>
    public sealed record Create(string Definition) : ISqlStatement;

    /// <summary><c>DROP INDEX index</c> (schema-qualified).</summary>
    public sealed record Drop(QualifiedName Index) : ISqlStatement;

    /// <summary><c>ALTER INDEX index RENAME TO new_name</c>.</summary>
    public sealed record Rename(QualifiedName Index, string NewName) : ISqlStatement;
}
