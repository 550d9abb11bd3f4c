using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Index statements: <c>sql/statements/index/*.sbn</c>.</summary>
public static class IndexSql
{
    /// <summary><c>ALTER INDEX index ATTACH PARTITION partition_index</c>: a partition's index under a partitioned one.</summary>
    public sealed record AttachPartition(QualifiedName Index, QualifiedName Partition) : ISqlStatement;

    /// <summary>An index as PostgreSQL defines it (<c>pg_get_indexdef</c>, <c>ON ONLY</c> already resolved).</summary>
    public sealed record Create(string Definition) : ISqlStatement;

    /// <summary>
    /// <c>CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON [ONLY] table method</c>: an index definition moved to another
    /// name or table, <c>Method</c> the part from <c>USING</c> on as <c>pg_get_indexdef</c> wrote it.
    /// </summary>
    public sealed record CreateOn(string Name, QualifiedName Table, string Method, bool Unique = false, bool Only = false, bool IfNotExists = false) : ISqlStatement;

    /// <summary><c>CREATE UNIQUE INDEX name ON table USING btree (columns)</c>: a key's index when the model has none to copy.</summary>
    public sealed record CreateUnique(string Name, QualifiedName Table, IReadOnlyList<string> Columns) : ISqlStatement;

    /// <summary><c>DROP INDEX index</c> (schema-qualified).</summary>
    public sealed record Drop(QualifiedName Index, bool IfExists = false) : ISqlStatement;

    /// <summary><c>ALTER INDEX index RENAME TO new_name</c>.</summary>
    public sealed record Rename(QualifiedName Index, string NewName, bool IfExists = false) : ISqlStatement;
}
