using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Type statements (enums): <c>sql/statements/type/*.sbn</c>.</summary>
public static class TypeSql
{
    /// <summary><c>ALTER TYPE type ADD VALUE IF NOT EXISTS 'value' [BEFORE 'x' | AFTER 'y']</c>.</summary>
    public sealed record AddValue(QualifiedName Type, string Value, string? Before, string? After) : ISqlStatement;

    /// <summary><c>CREATE TYPE type AS ENUM ('a', 'b')</c>.</summary>
    public sealed record CreateEnum(QualifiedName Type, IReadOnlyList<string> Values) : ISqlStatement;

    public sealed record Drop(QualifiedName Type) : ISqlStatement;

    public sealed record Rename(QualifiedName Type, string NewName) : ISqlStatement;
}
