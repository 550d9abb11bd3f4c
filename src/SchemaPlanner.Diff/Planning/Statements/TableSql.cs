using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Table statements: <c>sql/statements/table/*.sbn</c>.</summary>
public static class TableSql
{
    /// <summary><c>ALTER TABLE table ATTACH PARTITION partition bound</c> (<c>DEFAULT</c> when <c>Bound</c> is null).</summary>
    public sealed record AttachPartition(QualifiedName Table, QualifiedName Partition, string? Bound) : ISqlStatement;

    /// <summary>
    /// <c>INSERT INTO target (columns) [OVERRIDING SYSTEM VALUE] SELECT columns FROM source</c>: every row at once,
    /// for a table rebuilt under a lock. <c>OverridingSystemValue</c> keeps the values of identity columns.
    /// </summary>
    public sealed record CopyRows(QualifiedName Target, QualifiedName Source, IReadOnlyList<string> Columns, bool OverridingSystemValue) : ISqlStatement;

    /// <summary>
    /// <c>CREATE [UNLOGGED] TABLE table</c>: the column definitions (already written) and inline constraints,
    /// one per line, then <c>INHERITS</c> and <c>PARTITION BY</c>; or, for a partition, <c>PARTITION OF parent</c>,
    /// its own constraints only, and its bound (<c>DEFAULT</c> when <c>PartitionBound</c> is null).
    /// </summary>
    public sealed record Create(
        QualifiedName Table,
        bool Unlogged,
        IReadOnlyList<string> Columns,
        IReadOnlyList<ConstraintDefinition> Constraints,
        IReadOnlyList<QualifiedName> Inherits,
        QualifiedName? PartitionOf,
        string? PartitionBound,
        string? PartitionBy) : ISqlStatement;

    /// <summary>
    /// <c>ALTER TABLE table DETACH PARTITION partition [CONCURRENTLY]</c>: the partition becomes a table of its own,
    /// rows kept (<c>Concurrently</c>: PostgreSQL 14+, outside a transaction, without blocking the parent).
    /// </summary>
    public sealed record DetachPartition(QualifiedName Table, QualifiedName Partition, bool Concurrently = false) : ISqlStatement;

    /// <summary>
    /// A DO block dropping the CHECK constraints on <c>Table</c> other than <c>Keep</c>: the copy of the partition
    /// bound that <c>DETACH PARTITION … CONCURRENTLY</c> leaves, under a name PostgreSQL chose.
    /// </summary>
    public sealed record DropDetachLeftoverChecks(QualifiedName Table, IReadOnlyList<string> Keep) : ISqlStatement;

    /// <summary>
    /// A DO block dropping the constraints of one <c>Kind</c> (<c>f</c>, <c>u</c>, <c>p</c>, <c>x</c>: pg_constraint's
    /// contype) on <c>Table</c> other than <c>Keep</c>: the copies of the parent's that <c>DETACH PARTITION</c> leaves
    /// on the detached table as its own (a partition's copies are not in the model, so nothing else drops them,
    /// and a foreign key pointing at a rebuilt table keeps the old one alive).
    /// </summary>
    public sealed record DropDetachLeftoverConstraints(QualifiedName Table, string Kind, IReadOnlyList<string> Keep) : ISqlStatement;

    /// <summary>
    /// A DO block dropping the indexes on <c>Table</c> that back no constraint, other than <c>Keep</c>: the copies of
    /// the parent's indexes that <c>DETACH PARTITION</c> leaves (their names are taken, for the schema, too).
    /// </summary>
    public sealed record DropDetachLeftoverIndexes(QualifiedName Table, IReadOnlyList<string> Keep) : ISqlStatement;

    public sealed record Drop(QualifiedName Table, bool IfExists = false) : ISqlStatement;

    /// <summary><c>FORCE ROW LEVEL SECURITY</c> (the owner too is subject to the policies), or <c>NO FORCE</c>.</summary>
    public sealed record ForceRowLevelSecurity(QualifiedName Table, bool Force) : ISqlStatement;

    /// <summary><c>ALTER TABLE table INHERIT parent</c>.</summary>
    public sealed record Inherit(QualifiedName Table, QualifiedName Parent) : ISqlStatement;

    /// <summary><c>LOCK TABLE table IN mode MODE</c> (<c>ACCESS EXCLUSIVE</c> unless said).</summary>
    public sealed record Lock(QualifiedName Table, string Mode = "ACCESS EXCLUSIVE") : ISqlStatement;

    /// <summary><c>ALTER TABLE table NO INHERIT parent</c>.</summary>
    public sealed record NoInherit(QualifiedName Table, QualifiedName Parent) : ISqlStatement;

    /// <summary><c>ALTER TABLE table RENAME TO new_name</c> (same schema).</summary>
    public sealed record Rename(QualifiedName Table, string NewName) : ISqlStatement;

    /// <summary><c>ENABLE ROW LEVEL SECURITY</c>, or <c>DISABLE</c>.</summary>
    public sealed record RowLevelSecurity(QualifiedName Table, bool Enable) : ISqlStatement;

    /// <summary><c>SET UNLOGGED</c>, or <c>SET LOGGED</c> (a rewrite under an ACCESS EXCLUSIVE lock either way).</summary>
    public sealed record SetPersistence(QualifiedName Table, bool Unlogged) : ISqlStatement;

    /// <summary><c>ALTER TABLE table SET SCHEMA schema</c>.</summary>
    public sealed record SetSchema(QualifiedName Table, string Schema) : ISqlStatement;
}
