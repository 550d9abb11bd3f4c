using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Type statements (enums and other <c>CREATE TYPE</c> types): <c>sql/statements/type/*.sbn</c>.</summary>
public static class TypeSql
{
    /// <summary>
    /// A DO block creating the enum unless a type of that name exists, so the step can run again; <c>Tag</c> names
    /// its dollar quote (<c>$create_type$</c>).
    /// </summary>
    public sealed record CreateEnumIfMissing(QualifiedName Type, IReadOnlyList<string> Values, string Tag) : ISqlStatement;

    public sealed record Drop(QualifiedName Type, bool IfExists = false) : ISqlStatement;

    /// <summary><c>ALTER TYPE type RENAME TO new_name</c>.</summary>
    public sealed record Rename(QualifiedName Type, string NewName) : ISqlStatement;
}
