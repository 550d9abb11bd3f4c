using System.Globalization;
using System.Text.RegularExpressions;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// SQL expressions for synthetic column values, as a function of the row number <c>g</c>: ordinary values that
/// differ per row (so unique columns stay unique), and every 97th row the extreme the type allows (the longest
/// string, the largest number, the last date). Where a column changes type, values fit both types: a rehearsal
/// proves the plan, not that data which cannot exist in the new type fails (the verify steps cover that).
/// </summary>
internal static partial class SeedValues
{
    /// <param name="extremes">False for a column the other version makes an identity: its values feed the identity's
    /// sequence, which a value at the type's end would exhaust (an application that picks keys there cannot move to one).</param>
    public static string Expression(string type, IReadOnlyList<string>? enumLabels, string? domainBase, string? narrowerType, bool extremes = true)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = type[..^2];
            var item = Expression(element, enumLabels, null, narrowerType?.EndsWith("[]", StringComparison.Ordinal) == true ? narrowerType[..^2] : null);
            return $"ARRAY[{item}, {item.Replace("g", "(g + 1)", StringComparison.Ordinal)}]::{type}";
        }

        if (enumLabels is not null)
        {
            return enumLabels.Count == 0
                ? "NULL"
                : $"(ARRAY[{string.Join(", ", enumLabels.Select(Sql.Literal))}])[1 + g % {enumLabels.Count}]::{type}";
        }

        if (domainBase is not null)
        {
            return $"({Expression(domainBase, null, null, narrowerType)})::{type}";
        }

        // Text that the new version reads as another type (JSON, a number, a date) holds that type's text.
        if (narrowerType is not null && Base(type) is "text" or "character varying" && Base(narrowerType) is not ("text" or "character varying" or "character" or "citext"))
        {
            return Base(narrowerType) is "json" or "jsonb"
                ? "json_build_object('id', g, 'variant', CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, 'name', 'v' || g)::text"
                : $"({Ordinary(narrowerType, null)})::text";
        }

        var extreme = extremes ? Extreme(narrowerType is null ? type : Narrower(type, narrowerType)) : null;
        var ordinary = Ordinary(type, narrowerType);
        return extreme is null ? ordinary : $"CASE WHEN g % 97 = 0 THEN {extreme} ELSE {ordinary} END";
    }

    private static string Ordinary(string type, string? narrowerType)
    {
        var limit = new[] { Length(type), narrowerType is null ? null : Length(narrowerType) }.Where(l => l is not null).Min();
        return Base(type) switch
        {
            "smallint" => "(g % 32000)::smallint",
            "integer" => "g",
            "bigint" => "g::bigint",
            "numeric" when Scale(type) is { } s => $"round(((g * 1.37) % {Power10(Precision(type)!.Value - s)})::numeric, {s})::{type}",
            "numeric" => "(g * 1.37)::numeric",
            "real" => "(g * 0.5)::real",
            "double precision" => "(g * 0.25)::double precision",
            "text" or "character varying" or "character" or "citext" or "name" =>
                // A quote, a non-ASCII letter and an @ (CHECKs on e-mail-like text are common).
                limit is { } l ? $"left('o''q.välue' || g || '@example.org', {l})::{type}" : $"('o''q.välue' || g || '@example.org')::{type}",
            "boolean" => "(g % 2 = 0)",
            "date" => "(date '2000-01-01' + g)",
            "timestamp without time zone" => $"(timestamp '2020-01-01 00:00:00' + g * interval '1 hour 1.123456 second')::{type}",
            "timestamp with time zone" => $"(timestamptz '2020-01-01 00:00:00+00' + g * interval '1 hour 1.123456 second')::{type}",
            "time without time zone" => $"(time '00:00' + g * interval '1.5 second')::{type}",
            "time with time zone" => $"('12:00:00+02'::timetz + g * interval '1 second')::{type}",
            "interval" => $"(g * interval '1 minute 0.5 second')::{type}",
            "uuid" => "md5('u' || g)::uuid",
            "json" => "json_build_object('id', g, 'name', 'v' || g)",
            "jsonb" => "jsonb_build_object('id', g, 'name', 'v' || g)",
            "bytea" => "decode(md5('b' || g), 'hex')",
            "inet" => "('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)::inet",
            "cidr" => "('10.' || (g / 256) % 256 || '.' || g % 256 || '.0/24')::cidr",
            "money" => "(g * 1.25)::numeric::money",
            // Ranges that never overlap: an exclusion constraint over them holds.
            "int4range" => "int4range(g * 20, g * 20 + 10)",
            "int8range" => "int8range(g * 20, g * 20 + 10)",
            "numrange" => "numrange(g * 20, g * 20 + 10.5)",
            "daterange" => "daterange(date '2000-01-01' + g * 10, date '2000-01-01' + g * 10 + 7)",
            "tsrange" => "tsrange(timestamp '2020-01-01' + g * interval '1 hour', timestamp '2020-01-01' + (g + 1) * interval '1 hour')",
            "tstzrange" => "tstzrange(timestamptz '2020-01-01+00' + g * interval '1 hour', timestamptz '2020-01-01+00' + (g + 1) * interval '1 hour')",
            "macaddr" => "('08:00:2b:' || lpad(to_hex((g / 65536) % 256), 2, '0') || ':' || lpad(to_hex((g / 256) % 256), 2, '0') || ':' || lpad(to_hex(g % 256), 2, '0'))::macaddr",
            "point" => "point(g, g * 0.5)",
            "xml" => "('<v n=\"' || g || '\"/>')::xml",
            "tsvector" => "to_tsvector('simple', 'word' || g)",
            "bit" or "bit varying" => $"(g % 2)::bit(1)::{type}",
            _ => $"('v' || g)::{type}",
        };
    }

    private static string? Extreme(string type) => Base(type) switch
    {
        "smallint" => "32767::smallint",
        "integer" => "2147483647",
        "bigint" => "9223372036854775807::bigint",
        "numeric" when Scale(type) is { } s => $"({Power10(Precision(type)!.Value - s)} - {(s == 0 ? "1" : "0." + new string('0', s - 1) + "1")})::{type}",
        "numeric" => "123456789012345678.123456789::numeric",
        "text" or "citext" => $"rpad('x' || g || '-', 300, 'é')::{type}",
        "character varying" or "character" when Length(type) is { } n => $"rpad('x' || g || '-', {n}, 'é')::{type}",
        "date" => "date '9999-12-31'",
        "timestamp without time zone" => "timestamp '9999-12-31 23:59:59'",
        "timestamp with time zone" => "timestamptz '9999-12-30 23:59:59+00'",
        _ => null,
    };

    /// <summary>Of two types of one column (old and new), the one whose values fit the other.</summary>
    public static string Narrower(string a, string b)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal) { ["smallint"] = 1, ["integer"] = 2, ["bigint"] = 3, ["numeric"] = 4 };
        if (rank.TryGetValue(Base(a), out var ra) && rank.TryGetValue(Base(b), out var rb) && ra != rb)
        {
            return ra < rb ? a : b;
        }

        if (Length(a) is { } la && Length(b) is { } lb)
        {
            return la <= lb ? a : b;
        }

        if (Precision(a) is { } pa && Precision(b) is { } pb)
        {
            return pa - Scale(a) <= pb - Scale(b) ? a : b;
        }

        return Length(b) is not null || Precision(b) is not null ? b : a;
    }

    public static string Base(string type) => Modifier().Replace(type, "").Replace("  ", " ", StringComparison.Ordinal).Trim();

    private static int? Length(string type) =>
        Base(type) is "character varying" or "character" or "bit" or "bit varying" && Modifier().Match(type) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static int? Precision(string type) =>
        Base(type) == "numeric" && Modifier().Match(type) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static int? Scale(string type) =>
        Base(type) == "numeric" && Modifier().Match(type) is { Success: true } m ? (m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0) : null;

    private static string Power10(int exponent) => "1" + new string('0', Math.Max(exponent, 0));

    [GeneratedRegex(@"\((\d+)(?:,\s*(\d+))?\)")]
    private static partial Regex Modifier();
}
