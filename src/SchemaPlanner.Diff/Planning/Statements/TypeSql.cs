using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Type statements (enums, composite and range types): <c>sql/statements/type/*.sbn</c>.</summary>
public static class TypeSql
{
    /// <summary><c>ALTER TYPE type ADD ATTRIBUTE name type [COLLATE c]</c>: appended after the existing attributes.</summary>
    public sealed record AddAttribute(QualifiedName Type, string Name, string DataType, string? Collation) : ISqlStatement;

    /// <summary><c>ALTER TYPE type ADD VALUE IF NOT EXISTS 'value' [BEFORE 'x' | AFTER 'y']</c>.</summary>
    public sealed record AddValue(QualifiedName Type, string Value, string? Before, string? After) : ISqlStatement;

    /// <summary><c>ALTER TYPE type ALTER ATTRIBUTE name TYPE data_type [COLLATE c]</c>.</summary>
    public sealed record AlterAttributeType(QualifiedName Type, string Name, string DataType, string? Collation) : ISqlStatement;

    /// <summary><c>CREATE TYPE type AS (a integer, b text COLLATE "C")</c>.</summary>
    public sealed record CreateComposite(QualifiedName Type, IReadOnlyList<AttributeDefinition> Attributes) : ISqlStatement;

    /// <summary><c>CREATE TYPE type AS ENUM ('a', 'b')</c>.</summary>
    public sealed record CreateEnum(QualifiedName Type, IReadOnlyList<string> Values) : ISqlStatement;

    /// <summary>
    /// A DO block creating the enum unless a type of that name exists, so the step can run again; <c>Tag</c> names
    /// its dollar quote (<c>$create_type$</c>).
    /// </summary>
    public sealed record CreateEnumIfMissing(QualifiedName Type, IReadOnlyList<string> Values, string Tag) : ISqlStatement;

    /// <summary>
    /// <c>CREATE TYPE type AS RANGE (SUBTYPE = …, …)</c>; the optional parts are SQL as the catalog names them and are
    /// left out when null (PostgreSQL's default applies).
    /// </summary>
    public sealed record CreateRange(
        QualifiedName Type,
        string Subtype,
        string? SubtypeOpClass,
        string? Collation,
        string? Canonical,
        string? SubtypeDiff,
        string? MultirangeName) : ISqlStatement;

    public sealed record Drop(QualifiedName Type, bool IfExists = false) : ISqlStatement;

    public sealed record DropAttribute(QualifiedName Type, string Name) : ISqlStatement;

    public sealed record Rename(QualifiedName Type, string NewName) : ISqlStatement;
}
