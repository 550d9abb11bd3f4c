namespace SchemaPlanner.Planning.Statements;

/// <summary>Function and procedure statements: <c>sql/statements/function/*.sbn</c>.</summary>
public static class FunctionSql
{
    /// <summary>A function or procedure as PostgreSQL defines it (<c>pg_get_functiondef</c>, trailing newline removed).</summary>
    public sealed record Create(string Definition) : ISqlStatement;

    /// <summary>
    /// <c>DROP FUNCTION signature</c>, or <c>DROP PROCEDURE</c> / <c>DROP AGGREGATE</c>; the signature as the model
    /// writes it (<c>public.f(integer)</c>).
    /// </summary>
    public sealed record Drop(string Signature, bool Procedure = false, bool Aggregate = false) : ISqlStatement;
}
