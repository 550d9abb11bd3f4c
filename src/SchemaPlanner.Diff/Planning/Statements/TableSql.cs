using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Table statements: <c>sql/statements/table/*.sbn</c>.</summary>
public static class TableSql
{
    /// <summary><c>ALTER TABLE parent DETACH PARTITION partition [CONCURRENTLY]</c>.</summary>
    public sealed record DetachPartition(QualifiedName Table, QualifiedName Partition, bool Concurrently = false) : ISqlStatement;

    public sealed record Drop(QualifiedName Table, bool IfExists = false) : ISqlStatement;

    /// <summary><c>LOCK TABLE table IN mode MODE</c> (<c>ACCESS EXCLUSIVE</c> unless said).</summary>
    public sealed record Lock(QualifiedName Table, string Mode = "ACCESS EXCLUSIVE") : ISqlStatement;

    /// <summary><c>ALTER TABLE table RENAME TO new_name</c> (same schema).</summary>
    public sealed record Rename(QualifiedName Table, string NewName) : ISqlStatement;
}
