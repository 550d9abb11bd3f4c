using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Introspection;

/// <summary>Turns the rows of the catalog queries into the normalised model (no I/O).</summary>
internal static class ModelAssembler
{
    private const char Separator = '\x1f';

    /// <summary>Builds the model; each query's rows are taken out of <paramref name="results"/> as they are used, so they can go early.</summary>
    public static DatabaseSchema Assemble(Dictionary<string, List<object?[]>> results)
    {
        List<object?[]> Take(string name) => results.Remove(name, out var rows) ? rows : throw new InvalidOperationException("no rows of " + name);
        IEnumerable<Row> Rows(string name) => Take(name).Select(r => new Row(r));

        var server = Rows("server").Select(r => new ServerInfo((int)r.Long(0), r.Str(1))).Single();

        var schemas = Rows("schemas").Select(r => new Schema(r.Str(0), r.Strings(1).ToEquatableArray()));
        var extensions = Rows("extensions").Select(r => new Extension(r.Str(0), r.Str(1), r.Str(2)));
        var collations = Rows("collations").Select(r => new Collation(
            new QualifiedName(r.Str(0), r.Str(1)), r.Str(2), r.StrOrNull(3), r.StrOrNull(4), r.StrOrNull(5), r.Bool(6)));
        var enums = Rows("enums").Select(r => new EnumType(new QualifiedName(r.Str(0), r.Str(1)), r.Strings(2).ToEquatableArray()));
        var composites = Rows("composites").Select(r =>
        {
            var (names, types, typeNames, collations) = (r.Strings(2), r.Strings(3), r.Strings(4), r.Strings(5));
            var attributes = names.Select((n, i) => new CompositeAttribute(n, types[i], SplitName(typeNames[i]), collations[i].Length == 0 ? null : collations[i]));
            return new CompositeType(new QualifiedName(r.Str(0), r.Str(1)), attributes.ToEquatableArray());
        });
        var ranges = Rows("ranges").Select(r => new RangeType(
            new QualifiedName(r.Str(0), r.Str(1)), r.Str(2), new QualifiedName(r.Str(3), r.Str(4)),
            r.StrOrNull(5), r.StrOrNull(6), r.StrOrNull(7), r.StrOrNull(8), r.StrOrNull(9)));
        var domains = Rows("domains").Select(r =>
        {
            var names = r.Strings(6);
            var defs = r.Strings(7);
            var valid = r.Bools(8);
            var checks = names.Select((n, i) => new DomainCheck(n, ArrayCastText.Canonical(defs[i]), valid[i]));
            return new Domain(new QualifiedName(r.Str(0), r.Str(1)), r.Str(2), r.StrOrNull(3), r.StrOrNull(4), r.Bool(5), checks.ToEquatableArray());
        });
        var sequences = Rows("sequences").Select(r => new Sequence(
            new QualifiedName(r.Str(0), r.Str(1)), r.Str(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6), r.Long(7), r.Bool(8),
            r.StrOrNull(9) is { } ownerSchema ? new QualifiedName(ownerSchema, r.Str(10)) : null,
            r.StrOrNull(11),
            r.Strings(12).ToEquatableArray()));

        var columns = ByRelation(Take("columns"), r => new Column(
                r.Str(2), r.Str(3), new QualifiedName(r.Str(4), r.Str(5)), r.StrOrNull(6), r.Bool(7), r.StrOrNull(8),
                ParseVolatility(r.StrOrNull(9)), ParseIdentity(r.StrOrNull(10)), r.StrOrNull(11),
                r.LongsOrNull(12) is [var start, var increment, var min, var max, var cache, var cycle] ? new IdentityOptions(start, increment, min, max, cache, cycle != 0) : null));
        var indexes = ByRelation(Take("indexes"), r => new Model.Index(
            r.Str(2), ArrayCastText.Canonical(r.Str(3)), r.Str(4), r.Strings(5).Select(ArrayCastText.Canonical).ToEquatableArray(), r.Strings(6).ToEquatableArray(),
            Canonical(r.StrOrNull(7)), r.Bool(8), r.Bool(9), r.StrOrNull(10)));
        var constraints = ByRelation(Take("constraints"), r => new Constraint(
            r.Str(2), ParseConstraintKind(r.Str(3)), ArrayCastText.Canonical(r.Str(4)), r.Strings(5).ToEquatableArray(), r.Bool(6), r.Bool(7), r.Bool(8),
            r.StrOrNull(9) is { } refSchema ? new QualifiedName(refSchema, r.Str(10)) : null,
            r.Strings(11).ToEquatableArray(), ParseAction(r.StrOrNull(12)), ParseAction(r.StrOrNull(13))));
        var triggers = ByRelation(Take("triggers"), r => new Trigger(r.Str(2), r.Str(3), r.Str(4)));
        var policies = ByRelation(Take("policies"), r => new Policy(r.Str(2), r.Str(3), r.Bool(4), r.Strings(5).ToEquatableArray(), Canonical(r.StrOrNull(6)), Canonical(r.StrOrNull(7))));

        EquatableArray<T> Of<T>(Dictionary<QualifiedName, EquatableArray<T>> map, QualifiedName key) =>
            map.TryGetValue(key, out var list) ? list : EquatableArray<T>.Empty;

        var statistics = new List<TableStatistics>();
        var tables = Rows("tables").Select(r =>
        {
            var name = new QualifiedName(r.Str(0), r.Str(1));
            statistics.Add(new TableStatistics(name, r.Long(13), r.Long(14)));
            return new Table(
                name,
                r.Str(2) == "p" ? TableKind.Partitioned : TableKind.Regular,
                r.Str(3) == "u",
                r.StrOrNull(4),
                r.StrOrNull(5) is { } parentSchema ? new QualifiedName(parentSchema, r.Str(6)) : null,
                r.StrOrNull(7),
                r.Strings(9).Select(SplitName).ToEquatableArray(),
                r.Bool(10),
                r.Bool(11),
                Of(columns, name),
                Of(indexes, name),
                Of(constraints, name),
                Of(triggers, name),
                Of(policies, name),
                r.Strings(12).ToEquatableArray());
        }).ToList();

        var views = Rows("views").Select(r =>
        {
            var name = new QualifiedName(r.Str(0), r.Str(1));
            return new View(
                name,
                r.Str(2) == "m" ? ViewKind.Materialized : ViewKind.View,
                r.Str(3),
                Of(columns, name).Select(c => c.Name).ToEquatableArray(),
                Of(indexes, name),
                r.Strings(4).Select(SplitName).ToEquatableArray(),
                r.Strings(5).ToEquatableArray()) { Triggers = Of(triggers, name) };
        });
        var functions = Rows("functions").Select(r => new Function(
            new QualifiedName(r.Str(0), r.Str(1)), r.Str(2), r.Str(3), r.Str(4), r.Str(5),
            ParseVolatility(r.Str(6)) ?? Volatility.Volatile, r.Str(7), r.Strings(8).ToEquatableArray()) { InputTypes = r.Str(9) });
        var comments = Rows("comments").Select(r => new Comment(CommentTarget(r.Str(0), r.Str(1)), r.Str(2)));
        var unsupported = Rows("unsupported").Select(r => new UnsupportedObject(r.Str(0), r.Str(1)));
        var dependencies = Rows("dependencies").Select(ReadDependency);

        var model = new SchemaModel(
            schemas.ToEquatableArray(),
            extensions.ToEquatableArray(),
            collations.ToEquatableArray(),
            enums.ToEquatableArray(),
            domains.ToEquatableArray(),
            sequences.ToEquatableArray(),
            tables.ToEquatableArray(),
            views.ToEquatableArray(),
            functions.ToEquatableArray(),
            comments.ToEquatableArray(),
            unsupported.ToEquatableArray()) { Dependencies = dependencies.ToEquatableArray(), Composites = composites.ToEquatableArray(), Ranges = ranges.ToEquatableArray() }.Normalize();

        return new DatabaseSchema(model, server, statistics.OrderBy(s => s.Table).ToEquatableArray());
    }

    /// <summary>
    /// The rows of a per-relation query (schema and relation name first), grouped by relation in their order: the
    /// queries sort by those two columns, so each relation's rows are consecutive and are gathered in one pass (a
    /// relation met again later, which no query's order produces, has its rows appended, as GroupBy would).
    /// </summary>
    private static Dictionary<QualifiedName, EquatableArray<T>> ByRelation<T>(List<object?[]> rows, Func<Row, T> item)
    {
        var map = new Dictionary<QualifiedName, EquatableArray<T>>();
        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<T>();
        for (var i = 0; i < rows.Count;)
        {
            var (schema, name) = ((string)rows[i][0]!, (string)rows[i][1]!);
            builder.Clear();
            for (; i < rows.Count && (string)rows[i][0]! == schema && (string)rows[i][1]! == name; i++)
            {
                builder.Add(item(new Row(rows[i])));
            }

            var key = new QualifiedName(schema, name);
            map[key] = map.TryGetValue(key, out var earlier) ? earlier.Concat(builder).ToEquatableArray() : new EquatableArray<T>(builder.ToImmutable());
        }

        return map;
    }

    /// <summary>Expression text in the form both sides of a comparison share (<see cref="ArrayCastText"/>).</summary>
    private static string? Canonical(string? expression) => expression is null ? null : ArrayCastText.Canonical(expression);

    private static QualifiedName SplitName(string raw)
    {
        var at = raw.IndexOf(Separator, StringComparison.Ordinal);
        return new QualifiedName(raw[..at], raw[(at + 1)..]);
    }

    private static Volatility? ParseVolatility(string? code) => code switch
    {
        "i" => Volatility.Immutable,
        "s" => Volatility.Stable,
        "v" => Volatility.Volatile,
        _ => null,
    };

    internal static Dependency ReadDependency(Row r) => new(
        new ObjectRef(ParseObjectKind(r.Str(0)), new QualifiedName(r.Str(1), r.Str(2)), r.StrOrNull(3)),
        new ObjectRef(ParseObjectKind(r.Str(4)), new QualifiedName(r.Str(5), r.Str(6)), r.StrOrNull(7)));

    /// <summary>The kinds <c>dependencies.sql</c> names objects by (a switch: Enum.TryParse costs a fifth of a read's assembly at 5,000 tables).</summary>
    internal static ObjectKind ParseObjectKind(string kind) => kind switch
    {
        "table" => ObjectKind.Table,
        "view" => ObjectKind.View,
        "column" => ObjectKind.Column,
        "default" => ObjectKind.Default,
        "constraint" => ObjectKind.Constraint,
        "index" => ObjectKind.Index,
        "trigger" => ObjectKind.Trigger,
        "policy" => ObjectKind.Policy,
        "sequence" => ObjectKind.Sequence,
        "type" => ObjectKind.Type,
        "function" => ObjectKind.Function,
        "collation" => ObjectKind.Collation,
        _ => throw new InvalidOperationException("unknown object kind " + kind),
    };

    private static IdentityKind ParseIdentity(string? code) => code switch
    {
        "a" => IdentityKind.Always,
        "d" => IdentityKind.ByDefault,
        _ => IdentityKind.None,
    };

    private static ConstraintKind ParseConstraintKind(string code) => code switch
    {
        "p" => ConstraintKind.PrimaryKey,
        "u" => ConstraintKind.Unique,
        "f" => ConstraintKind.ForeignKey,
        "c" => ConstraintKind.Check,
        "x" => ConstraintKind.Exclusion,
        _ => throw new InvalidOperationException("unknown constraint type " + code),
    };

    private static string? ParseAction(string? code) => code switch
    {
        null => null,
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => throw new InvalidOperationException("unknown foreign key action " + code),
    };

    internal static string CommentTarget(string type, string identity) => type switch
    {
        "table column" or "view column" => "COLUMN " + identity,
        "table constraint" => "CONSTRAINT " + identity,
        "trigger" => "TRIGGER " + identity,
        "policy" => "POLICY " + identity,
        _ => type.ToUpperInvariant() + " " + identity,
    };
}
