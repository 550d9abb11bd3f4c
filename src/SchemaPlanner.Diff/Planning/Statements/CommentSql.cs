namespace SchemaPlanner.Planning.Statements;

/// <summary>Comment statements: <c>sql/statements/comment/*.sbn</c>.</summary>
public static class CommentSql
{
    /// <summary><c>COMMENT ON target IS 'text'</c>, <c>IS NULL</c> (removed) when <c>Text</c> is null; the target as the model writes it (<c>TABLE public.t</c>).</summary>
    public sealed record Set(string Target, string? Text) : ISqlStatement;
}
