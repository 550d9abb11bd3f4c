using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Type statements (enums): <c>sql/statements/type/*.sbn</c>.</summary>
public static class TypeSql
{
    /// <summary><c>ALTER TYPE type ADD VALUE IF NOT EXISTS 'value' [BEFORE 'x' | AFTER 'y']</c>.</summary>
    public sealed record AddValue(QualifiedName Type, string Value, string? Before, string? After) : ISqlStatement;

    /// <summary><c>CREATE TYPE type AS ENUM ('a', 'b')</c>.</summary>
    public sealed record CreateEnum(QualifiedName Type, IReadOnlyList<string> Values) : ISqlStatement;

    /// <summary>
    /// A DO block creating the enum unless a type of that name exists, so the step can run again; <c>Tag</c> names
    /// its dollar quote (<c>$create_type$</c>).
    /// </summary>
    public sealed record CreateEnumIfMissing(QualifiedName Type, IReadOnlyList<string> Values, string Tag) : ISqlStatement;

    public sealed record Drop(QualifiedName Type, bool IfExists = false) : ISqlStatement;

    public sealed record Rename(QualifiedName Type, string NewName) : ISqlStatement;
}
