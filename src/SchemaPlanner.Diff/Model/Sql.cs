using System.Globalization;
using System.Text;

namespace SchemaPlanner.Model;

/// <summary>The one place where identifiers and literals are quoted.</summary>
public static class Sql
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
        "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
        "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
        "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
        "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user",
        "using", "variadic", "verbose", "when", "where", "window", "with",
        // Column-name keywords that cannot be used bare as column or table names.
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract",
        "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national", "nchar", "none",
        "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof", "smallint",
        "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat",
        "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
    };

    /// <summary>Quotes an identifier when PostgreSQL would otherwise fold, reject or misread it.</summary>
    public static string Quote(string identifier)
    {
        if (identifier.Length > 0 && IsPlain(identifier) && !Reserved.Contains(identifier))
        {
            return identifier;
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A string literal; uses the E'' form only when backslashes are present.</summary>
    public static string Literal(string value)
    {
        var escaped = value.Replace("'", "''", StringComparison.Ordinal);
        return value.Contains('\\', StringComparison.Ordinal)
            ? "E'" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + escaped + "'";
    }

    /// <summary>
    /// Shortens a generated name to PostgreSQL's 63-byte identifier limit, keeping it stable and unique by
    /// replacing the tail with a hash of the whole name.
    /// </summary>
    public static string ShortName(string name)
    {
        const int limit = 63;
        if (Encoding.UTF8.GetByteCount(name) <= limit)
        {
            return name;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8]
            .ToLower(CultureInfo.InvariantCulture);
        var suffix = "_" + hash;
        var budget = limit - suffix.Length;
        var builder = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(builder.ToString() + rune) > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder + suffix;
    }

    private static bool IsPlain(string identifier)
    {
        var first = identifier[0];
        if (!(first == '_' || (first >= 'a' && first <= 'z')))
        {
            return false;
        }

        foreach (var c in identifier)
        {
            if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
