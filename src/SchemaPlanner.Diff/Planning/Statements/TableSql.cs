using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Table statements: <c>sql/statements/table/*.sbn</c>.</summary>
public static class TableSql
{
    /// <summary><c>LOCK TABLE table IN mode MODE</c> (<c>ACCESS EXCLUSIVE</c> unless said).</summary>
    public sealed record Lock(QualifiedName Table, string Mode = "ACCESS EXCLUSIVE") : ISqlStatement;
}
