using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Sequence statements: <c>sql/statements/sequence/*.sbn</c>.</summary>
public static class SequenceSql
{
    /// <summary>
    /// The sequence behind <c>table.column</c> (serial or identity) set past the column's largest value:
    /// <c>SELECT setval(pg_get_serial_sequence(…), coalesce(max(column), 0) + 1, false) FROM table</c>.
    /// </summary>
    public sealed record AdvancePastColumn(QualifiedName Table, string Column) : ISqlStatement;

    /// <summary>
    /// <c>ALTER SEQUENCE sequence</c> with the clauses that change: a null option stays as it is. <c>SetOwner</c>
    /// writes <c>OWNED BY table.column</c>, or <c>OWNED BY NONE</c> when <c>OwnedByTable</c> is null.
    /// </summary>
    public sealed record Alter(
        QualifiedName Sequence,
        string? DataType = null,
        long? Increment = null,
        long? MinValue = null,
        long? MaxValue = null,
        long? Start = null,
        long? Cache = null,
        bool? Cycle = null,
        bool SetOwner = false,
        QualifiedName? OwnedByTable = null,
        string? OwnedByColumn = null) : ISqlStatement;

    /// <summary><c>CREATE SEQUENCE</c> with every option spelled out, and <c>OWNED BY table.column</c> when it has an owner.</summary>
    public sealed record Create(
        QualifiedName Sequence,
        string DataType,
        long Increment,
        long MinValue,
        long MaxValue,
        long Start,
        long Cache,
        bool Cycle,
        QualifiedName? OwnedByTable,
        string? OwnedByColumn) : ISqlStatement;

    /// <summary><c>CREATE SEQUENCE IF NOT EXISTS sequence AS type</c>: a helper sequence a recipe may have made already.</summary>
    public sealed record CreateIfNotExists(QualifiedName Sequence, string DataType) : ISqlStatement;

    public sealed record Drop(QualifiedName Sequence, bool IfExists = false) : ISqlStatement;

    /// <summary><c>ALTER SEQUENCE sequence OWNED BY table.column</c>, or <c>OWNED BY NONE</c> when <c>Table</c> is null.</summary>
    public sealed record OwnedBy(QualifiedName Sequence, QualifiedName? Table, string? Column) : ISqlStatement;

    /// <summary><c>ALTER SEQUENCE sequence RENAME TO new_name</c>.</summary>
    public sealed record Rename(QualifiedName Sequence, string NewName) : ISqlStatement;
}
