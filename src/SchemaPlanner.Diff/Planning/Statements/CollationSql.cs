using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Collation statements: <c>sql/statements/collation/*.sbn</c>.</summary>
public static class CollationSql
{
    /// <summary>
    /// <c>CREATE COLLATION name (provider = …, …)</c>: <c>locale</c> when <c>LcCollate</c> and <c>LcCtype</c> are
    /// null, else both of those; <c>deterministic = false</c> when it is not.
    /// </summary>
    public sealed record Create(QualifiedName Collation, string Provider, string? Locale, string? LcCollate, string? LcCtype, bool Deterministic) : ISqlStatement;

    public sealed record Drop(QualifiedName Collation) : ISqlStatement;

    public sealed record Rename(QualifiedName Collation, string NewName) : ISqlStatement;
}
