namespace SchemaPlanner.Planning.Statements;

/// <summary>
/// Privilege statements: <c>sql/statements/privilege/*.sbn</c>. The object is written as the model has it
/// (<c>ObjectType</c> <c>TABLE</c>, <c>Name</c> <c>public.t</c>); the role is in SQL form (<c>PUBLIC</c>, <c>regrole</c> output).
/// </summary>
public static class PrivilegeSql
{
    /// <summary><c>GRANT privilege ON type name TO role [WITH GRANT OPTION]</c>.</summary>
    public sealed record Grant(string Privilege, string ObjectType, string Name, string Role, bool WithGrantOption = false) : ISqlStatement;

    /// <summary><c>REVOKE [GRANT OPTION FOR] privilege ON type name FROM role</c>: <c>GrantOptionOnly</c> keeps the privilege itself.</summary>
    public sealed record Revoke(string Privilege, string ObjectType, string Name, string Role, bool GrantOptionOnly = false) : ISqlStatement;
}
