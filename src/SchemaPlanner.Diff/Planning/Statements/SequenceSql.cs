using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Sequence statements: <c>sql/statements/sequence/*.sbn</c>.</summary>
public static class SequenceSql
{
    /// <summary><c>CREATE SEQUENCE [IF NOT EXISTS] sequence [AS type]</c>.</summary>
    public sealed record Create(QualifiedName Sequence, string? Type = null, bool IfNotExists = false) : ISqlStatement;

    public sealed record Drop(QualifiedName Sequence, bool IfExists = false) : ISqlStatement;

    /// <summary><c>ALTER SEQUENCE sequence OWNED BY table.column</c>, or <c>OWNED BY NONE</c> when <c>Table</c> is null.</summary>
    public sealed record OwnedBy(QualifiedName Sequence, QualifiedName? Table, string? Column) : ISqlStatement;

    public sealed record Rename(QualifiedName Sequence, string NewName) : ISqlStatement;
}
