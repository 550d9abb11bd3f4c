using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Sequence statements: <c>sql/statements/sequence/*.sbn</c>.</summary>
public static class SequenceSql
{
    /// <summary><c>ALTER SEQUENCE sequence OWNED BY table.column</c>, or <c>OWNED BY NONE</c> when <c>Table</c> is null.</summary>
    public sealed record OwnedBy(QualifiedName Sequence, QualifiedName? Table, string? Column) : ISqlStatement;
}
