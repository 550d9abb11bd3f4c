using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Schema statements: <c>sql/statements/schema/*.sbn</c>.</summary>
public static class SchemaSql
{
    /// <summary><c>CREATE SCHEMA name</c>.</summary>
    public sealed record Create(string Name) : ISqlStatement;

    /// <summary><c>DROP SCHEMA name</c>.</summary>
    public sealed record Drop(string Name) : ISqlStatement;
}
