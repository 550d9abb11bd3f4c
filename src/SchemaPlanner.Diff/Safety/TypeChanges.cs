using System.Globalization;
using System.Text.RegularExpressions;

namespace SchemaPlanner.Safety;

/// <summary>
/// Decides which <c>ALTER COLUMN … TYPE</c> changes PostgreSQL makes in the catalog only. Types are compared in
/// <c>format_type</c> form (<c>character varying(20)</c>, <c>numeric(10,2)</c>, <c>timestamp(3) without time
/// zone</c>). The list mirrors the server's length-coercion support functions (<c>varchar_support</c>,
/// <c>numeric_support</c>, <c>timestamp_support</c>, <c>time_support</c>, <c>interval_support</c>,
/// <c>varbit_support</c>) and its binary-coercible casts; anything not recognised is assumed to rewrite.
/// </summary>
public static partial class TypeChanges
{
    private const int MaxTemporalPrecision = 6;

    /// <summary>
    /// True when the change keeps every stored value valid and PostgreSQL neither rewrites the table nor
    /// rebuilds its indexes: varchar(n) → varchar(m ≥ n) / varchar / text, text ↔ varchar, numeric(p,s) →
    /// numeric(p' ≥ p, s) / numeric, more (or unlimited) precision for timestamp, timestamptz, time, timetz and
    /// interval, varbit(n) → varbit(m ≥ n) / varbit, cidr → inet.
    /// </summary>
    public static bool IsBinaryCoercible(string from, string to)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return true;
        }

        if (IsArray(from) || IsArray(to))
        {
            // Element coercions inside arrays always rewrite (ArrayCoerceExpr).
            return false;
        }

        if (IsText(from) && IsText(to))
        {
            var fromLimit = VarcharLimit(from);
            var toLimit = VarcharLimit(to);
            return toLimit is null || (fromLimit is not null && toLimit >= fromLimit);
        }

        if (Numeric().Match(from) is { Success: true } fromNumeric && Numeric().Match(to) is { Success: true } toNumeric)
        {
            if (!toNumeric.Groups["p"].Success)
            {
                return true;
            }

            return fromNumeric.Groups["p"].Success
                && Int(fromNumeric.Groups["s"]) == Int(toNumeric.Groups["s"])
                && Int(toNumeric.Groups["p"]) >= Int(fromNumeric.Groups["p"]);
        }

        if (Temporal().Match(from) is { Success: true } fromTemporal && Temporal().Match(to) is { Success: true } toTemporal)
        {
            return fromTemporal.Groups["base"].Value == toTemporal.Groups["base"].Value
                && fromTemporal.Groups["zone"].Value == toTemporal.Groups["zone"].Value
                && Precision(toTemporal) >= Precision(fromTemporal);
        }

        if (Interval().Match(from) is { Success: true } fromInterval && Interval().Match(to) is { Success: true } toInterval)
        {
            if (!toInterval.Groups["fields"].Success && !toInterval.Groups["p"].Success)
            {
                return true;
            }

            return fromInterval.Groups["fields"].Value == toInterval.Groups["fields"].Value
                && Precision(toInterval) >= Precision(fromInterval);
        }

        if (VarBit().Match(from) is { Success: true } fromBits && VarBit().Match(to) is { Success: true } toBits)
        {
            return !toBits.Groups["n"].Success
                || (fromBits.Groups["n"].Success && Int(toBits.Groups["n"]) >= Int(fromBits.Groups["n"]));
        }

        return from == "cidr" && to == "inet";
    }

    /// <summary>
    /// timestamp ↔ timestamptz without losing precision. On PostgreSQL 12+ this skips the rewrite only when the
    /// session TimeZone is UTC (the stored microseconds then mean the same instant); indexes on the column are
    /// rebuilt either way (different operator class). Before 12 it always rewrites.
    /// </summary>
    public static bool IsTimeZoneReinterpretation(string from, string to) =>
        Temporal().Match(from) is { Success: true } f
        && Temporal().Match(to) is { Success: true } t
        && f.Groups["base"].Value == "timestamp"
        && t.Groups["base"].Value == "timestamp"
        && f.Groups["zone"].Value != t.Groups["zone"].Value
        && Precision(t) >= Precision(f);

    /// <summary>True for a widening of an integer type (smallint → integer/bigint, integer → bigint).</summary>
    public static bool IsIntegerWidening(string from, string to) =>
        IntegerRank(from) is { } f && IntegerRank(to) is { } t && t > f;

    private static int? IntegerRank(string type) => type switch
    {
        "smallint" => 2,
        "integer" => 4,
        "bigint" => 8,
        _ => null,
    };

    private static bool IsArray(string type) => type.EndsWith("[]", StringComparison.Ordinal);

    private static bool IsText(string type) => type == "text" || VarcharLimit(type) is not null || type == "character varying";

    private static int? VarcharLimit(string type) =>
        Varchar().Match(type) is { Success: true } m && m.Groups["n"].Success ? Int(m.Groups["n"]) : null;

    private static int Precision(Match match) =>
        match.Groups["p"].Success ? Math.Min(Int(match.Groups["p"]), MaxTemporalPrecision) : MaxTemporalPrecision;

    private static int Int(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^character varying(?:\((?<n>\d+)\))?$")]
    private static partial Regex Varchar();

    [GeneratedRegex(@"^numeric(?:\((?<p>\d+),(?<s>-?\d+)\))?$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<base>timestamp|time)(?:\((?<p>\d+)\))? (?<zone>with|without) time zone$")]
    private static partial Regex Temporal();

    [GeneratedRegex(@"^interval(?: (?<fields>[a-z]+(?: to [a-z]+)?))?(?:\((?<p>\d+)\))?$")]
    private static partial Regex Interval();

    [GeneratedRegex(@"^bit varying(?:\((?<n>\d+)\))?$")]
    private static partial Regex VarBit();
}
