using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Row-level security policy statements: <c>sql/statements/policy/*.sbn</c>. Roles are in SQL form (<c>PUBLIC</c>, <c>regrole</c> output).</summary>
public static class PolicySql
{
    /// <summary><c>ALTER POLICY name ON table [TO roles] [USING (…)] [WITH CHECK (…)]</c>: null parts stay as they are.</summary>
    public sealed record Alter(QualifiedName Table, string Name, IReadOnlyList<string>? Roles, string? Using, string? WithCheck) : ISqlStatement;

    /// <summary><c>CREATE POLICY name ON table [AS RESTRICTIVE] FOR command TO roles [USING (…)] [WITH CHECK (…)]</c>.</summary>
    public sealed record Create(QualifiedName Table, string Name, bool Permissive, string Command, IReadOnlyList<string> Roles, string? Using, string? WithCheck) : ISqlStatement;

    public sealed record Drop(QualifiedName Table, string Name) : ISqlStatement;

    /// <summary>
    /// A DO block that fails, naming each one, when a role that may read or write the table (a grant to it or to
    /// PUBLIC, read when the step runs) would be left with no permissive policy for that command once row-level
    /// security is on: it would see or write no rows. Superusers and BYPASSRLS roles are exempt, and so is the owner
    /// unless <c>Force</c>.
    /// </summary>
    public sealed record VerifyCoverage(QualifiedName Table, bool Force) : ISqlStatement;
}
