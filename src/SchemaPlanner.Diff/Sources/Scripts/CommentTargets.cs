using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Canonical forms of <c>COMMENT ON</c> targets, so that <c>COLUMN Users."E-mail"</c> written in a script and
/// <c>COLUMN public.users."E-mail"</c> asked for later compare equal.
/// </summary>
internal static class CommentTargets
{
    private static readonly HashSet<string> MemberOfTableKinds =
        new(StringComparer.Ordinal) { "constraint", "trigger", "policy", "rule" };

    private static readonly HashSet<string> QualifiedKinds = new(StringComparer.Ordinal)
    {
        "table", "view", "index", "sequence", "type", "domain", "collation", "conversion", "statistics",
        "materialized view", "foreign table",
    };

    /// <summary>
    /// Canonical keys for a <c>COMMENT ON</c> target spelled by <c>tokens[start..end)</c>: the exact one first and,
    /// for routines, one without the argument list.
    /// </summary>
    public static IReadOnlyList<string> Keys(List<SqlToken> tokens, int start, int end, string schema)
    {
        var c = new TokenCursor(string.Empty, tokens, start, end);
        var kind = new List<string>();
        while (c.Current is { Kind: SqlTokenKind.Word } word && kind.Count < 4 &&
               !(kind.Count > 0 && IsKindComplete(string.Join(' ', kind))))
        {
            kind.Add(word.Text.ToLowerInvariant());
            c.Position++;
        }

        if (kind.Count == 0)
        {
            return [];
        }

        var kindText = string.Join(' ', kind);
        var prefix = kindText.ToUpperInvariant() + " ";
        if (kindText == "column" && c.TryReadName(out var columnParts, out _) && columnParts.Count >= 2)
        {
            var table = DdlParser.Resolve(columnParts.GetRange(0, columnParts.Count - 1), schema);
            return [prefix + table.Member(columnParts[^1])];
        }

        if (MemberOfTableKinds.Contains(kindText) && c.TryReadName(out var memberParts, out _) && c.Accept("on"))
        {
            var onDomain = c.Accept("domain") ? "DOMAIN " : string.Empty;
            if (c.TryReadName(out var tableParts, out _))
            {
                return [prefix + Sql.Quote(memberParts[^1]) + " ON " + onDomain + DdlParser.Resolve(tableParts, schema).Sql];
            }
        }

        if ((DdlParser.RoutineKinds.Contains(kindText) || QualifiedKinds.Contains(kindText)) && c.TryReadName(out var parts, out _))
        {
            var name = prefix + DdlParser.Resolve(parts, schema).Sql;
            if (!DdlParser.RoutineKinds.Contains(kindText))
            {
                return [name];
            }

            var arguments = string.Join(' ', Enumerable.Range(c.Position, c.End - c.Position).Select(i => Canonical(tokens[i])));
            return arguments.Length > 0 ? [name + arguments, name] : [name];
        }

        return [prefix + string.Join(' ', Enumerable.Range(c.Position, c.End - c.Position).Select(i => Canonical(tokens[i])))];
    }

    private static bool IsKindComplete(string kind) =>
        kind is not ("materialized" or "foreign" or "access" or "text" or "text search" or "event" or "operator"
            or "large" or "user" or "foreign data" or "transform");

    private static string Canonical(SqlToken token) => token.Identifier is { } identifier ? Sql.Quote(identifier) : token.Text;
}
