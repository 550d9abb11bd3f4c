using System.Text.RegularExpressions;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// How a value of one column type becomes a value of another in the generated SQL (backfills, sync triggers,
/// verify), with the semantics of <c>ALTER COLUMN … TYPE</c>: an assignment, never a silent change. The expression
/// converts to the target type without its length or precision modifier, because an explicit cast to
/// <c>varchar(20)</c>, <c>char(n)</c> or <c>bit(n)</c> truncates or pads silently, while the assignment to the
/// column applies the modifier and raises (22001) where a value does not fit. What an assignment still changes
/// silently (numeric scale, timestamp/time/interval precision, numeric → integer, double → real) is what
/// <see cref="Loss"/> detects, so sync triggers and backfills raise and verify reports the rows.
/// timestamp ↔ timestamptz is pinned to UTC (<c>AT TIME ZONE 'UTC'</c>): a plain cast reads the session's TimeZone,
/// which differs between the app's sessions and the runner's.
/// </summary>
internal static partial class ColumnConversion
{
    /// <summary>The zone a timestamp without time zone is read in when no <c>using</c> hint says otherwise.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary><c>column := expression</c> converting <paramref name="expression"/> (of type <paramref name="from"/>) to <paramref name="to"/>, with its loss check.</summary>
    public static Assignment Assign(string column, string expression, Column from, Column to, PlanningContext context) =>
        new(column, Expression(expression, from, to, context))
        {
            Loss = Loss(expression, from, to, context),
            LossType = to.Type,
            LossCode = LossCode(to.Type),
        };

    /// <summary>
    /// <c>column := hint</c>: the hint is the user's conversion and is used as written; only the target's modifier is
    /// checked (the assignment would round a numeric scale or a precision silently).
    /// </summary>
    public static Assignment AssignHint(string column, string hint, Column to) =>
        new(column, hint)
        {
            Loss = Base(to.Type) == to.Type ? null : $"({hint}) IS DISTINCT FROM ({hint})::{to.Type}",
            LossType = to.Type,
            LossCode = LossCode(to.Type),
        };

    /// <summary>The value of <paramref name="expression"/> in <paramref name="to"/>'s type, before the column's modifier applies.</summary>
    public static string Expression(string expression, Column from, Column to, PlanningContext context)
    {
        if (from.Type == to.Type)
        {
            return expression;
        }

        if (IsTimeZoneChange(from.Type, to.Type))
        {
            return $"({expression}) AT TIME ZONE {Sql.Literal(DefaultTimeZone)}";
        }

        var toEnum = context.From.FindEnum(to.TypeName) is not null || context.To.FindEnum(to.TypeName) is not null;
        if (toEnum && from.Type is not ("text" or "text[]"))
        {
            // PostgreSQL has no cast to an enum from another enum or from most other types: go through text.
            return $"{expression}{(from.Type.EndsWith("[]", StringComparison.Ordinal) ? "::text[]" : "::text")}::{to.Type}";
        }

        var target = Base(to.Type);
        return target == Base(from.Type) ? expression : $"{expression}::{target}";
    }

    /// <summary>
    /// A condition over the row, true when converting <paramref name="expression"/> to <paramref name="to"/> would
    /// change the value (truncate, pad, round); null when the conversion cannot.
    /// </summary>
    public static string? Loss(string expression, Column from, Column to, PlanningContext context)
    {
        if (from.Type == to.Type)
        {
            return null;
        }

        var converted = Expression(expression, from, to, context);
        if (Base(to.Type) != to.Type)
        {
            return $"({converted}) IS DISTINCT FROM ({converted})::{to.Type}";
        }

        var rounds = (Inexact(from.Type) && Integral(to.Type)) || (from.Type == "double precision" && to.Type == "real");
        return rounds ? $"({expression}) IS DISTINCT FROM ({converted})" : null;
    }

    /// <summary>timestamp ↔ timestamptz (any precision): the conversion depends on a time zone.</summary>
    public static bool IsTimeZoneChange(string from, string to)
    {
        var (f, t) = (Base(from), Base(to));
        return (f, t) is ("timestamp without time zone", "timestamp with time zone") or ("timestamp with time zone", "timestamp without time zone");
    }

    /// <summary>
    /// For a hint of the form <c>"col" AT TIME ZONE 'zone'</c> on a timestamp ↔ timestamptz change, the inverse
    /// (<c>"shadow" AT TIME ZONE 'zone'</c>); null for any other hint.
    /// </summary>
    public static string? InverseOfTimeZoneHint(string hint, string columnName, string otherColumn)
    {
        var match = AtTimeZone().Match(hint);
        if (!match.Success)
        {
            return null;
        }

        var written = match.Groups["column"].Value;
        var name = written.StartsWith('"')
            ? written[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : written.ToLowerInvariant();
        return name == columnName ? $"({otherColumn}) AT TIME ZONE {match.Groups["zone"].Value}" : null;
    }

    /// <summary>
    /// The type without its length/precision modifier, written so that a cast to it keeps every value:
    /// <c>character(n)</c> → <c>bpchar</c> and <c>bit(n)</c> → <c>bit varying</c> (plain <c>character</c> and <c>bit</c>
    /// mean length 1), an interval with fields → <c>interval</c>.
    /// </summary>
    public static string Base(string type)
    {
        var array = type.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "";
        var element = Modifier().Replace(array.Length > 0 ? type[..^2] : type, "");
        element = element switch
        {
            "character" => "bpchar",
            "bit" => "bit varying",
            _ when element.StartsWith("interval ", StringComparison.Ordinal) => "interval",
            _ => element,
        };
        return element + array;
    }

    /// <summary>22001 (string data right truncation) for strings and bit strings, 22000 (data exception) otherwise.</summary>
    private static string LossCode(string type) =>
        Base(type).TrimEnd('[', ']') is "character varying" or "bpchar" or "bit varying" or "text" ? "22001" : "22000";

    private static bool Inexact(string type) => type is "numeric" or "real" or "double precision" || type.StartsWith("numeric(", StringComparison.Ordinal);

    private static bool Integral(string type) => type is "smallint" or "integer" or "bigint";

    [GeneratedRegex(@"\(\d+(?:,\s*-?\d+)?\)")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"^\s*\(?\s*(?<column>""(?:[^""]|"""")+""|[a-z_][a-z0-9_$]*)\s*\)?\s+AT\s+TIME\s+ZONE\s+(?<zone>'(?:[^']|'')*')\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AtTimeZone();
}
