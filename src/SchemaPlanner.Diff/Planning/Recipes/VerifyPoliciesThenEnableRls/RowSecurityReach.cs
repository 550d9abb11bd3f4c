using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Who sees and writes which rows of a table once row-level security is on, from its desired policies and grants:
/// the app instruction of <see cref="VerifyPoliciesThenEnableRlsRecipe"/>. Permissive policies for a command OR
/// together, restrictive ones AND onto them; grants through role membership are not known here (the verify step
/// reads them when it runs).
/// </summary>
internal static class RowSecurityReach
{
    private static readonly string[] Commands = ["SELECT", "INSERT", "UPDATE", "DELETE"];

    public static string Describe(Table table, bool force)
    {
        var exempt = force
            ? "superusers and BYPASSRLS roles (the owner too is bound by the policies: FORCE)"
            : "the owner, superusers and BYPASSRLS roles";
        var lines = new List<string>
        {
            $"Row-level security goes on for {table.Name} after this release's verify step. From then on every role but {exempt} sees and writes only the rows a policy grants. " +
            "Check that the roles your app versions connect as are listed here as you expect:",
        };
        foreach (var (role, commands) in Grantees(table))
        {
            foreach (var command in commands)
            {
                lines.Add($"  - {role} {command}: {Reach(table, role, command)}");
            }
        }

        if (lines.Count == 1)
        {
            lines.Add("  - no role other than the owner is granted anything on it in the desired schema; roles with access through membership or other grants are checked by the verify step");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Roles with a read or write privilege on the table (aclitem texts <c>role:PRIVILEGE[*]</c>), each with its commands.</summary>
    private static IEnumerable<(string Role, IReadOnlyList<string> Commands)> Grantees(Table table) =>
        table.Privileges
            .Select(p => p.TrimEnd('*').Split(':', 2))
            .Where(p => p.Length == 2 && Commands.Contains(p[1], StringComparer.Ordinal))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. Commands.Where(c => g.Any(p => p[1] == c))]));

    private static string Reach(Table table, string role, string command)
    {
        bool Applies(Policy p) => (p.Command == "ALL" || p.Command == command) && p.Roles.Any(r => r == role || r.Equals("PUBLIC", StringComparison.OrdinalIgnoreCase));
        var permissive = table.Policies.Where(p => p.Permissive && Applies(p)).ToList();
        if (permissive.Count == 0)
        {
            return "no rows (no permissive policy applies; the verify step fails unless membership in a role with one covers it)";
        }

        var condition = command == "INSERT" ? (Func<Policy, string?>)(p => p.WithCheck ?? p.Using) : p => p.Using ?? p.WithCheck;
        string Term(Policy p) => $"{Parenthesized(condition(p) ?? "true")} [{p.Name}]";
        var rows = string.Join(" OR ", permissive.Select(Term));
        var restrictive = table.Policies.Where(p => !p.Permissive && Applies(p)).Select(Term).ToList();
        return (command == "INSERT" ? "new rows where " : "rows where ") + rows + (restrictive.Count > 0 ? " AND " + string.Join(" AND ", restrictive) : "");
    }

    /// <summary><c>pg_get_expr</c> parenthesizes operator expressions already (<c>(tenant = 1)</c>), not <c>true</c>.</summary>
    private static string Parenthesized(string expression) =>
        expression.StartsWith('(') && expression.EndsWith(')') ? expression : $"({expression})";
}
