using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Composite and range types: created, dropped, a composite altered in place when its kept attributes keep their
/// order (new ones last), otherwise replaced by drop and create while nothing uses the type. A change PostgreSQL
/// cannot make to a type in use is reported as unsupported, never dropped.
/// </summary>
internal static class TypeDiffer
{
    public static void Diff(SchemaModel from, SchemaModel to, List<Change> changes)
    {
        // A composite type with an attribute of another composite type is created after it and dropped before it.
        var fromOrder = from.Composites.OrderByDescending(c => Depth(from, c, 0));
        var toOrder = to.Composites.OrderBy(c => Depth(to, c, 0));
        SchemaDiffer.DiffKeyed(fromOrder, toOrder, c => c.Name, changes, c => new CreateCompositeType(c), c => new DropCompositeType(c), (o, n) => Composite(from, o, n));
        SchemaDiffer.DiffKeyed(from.Ranges, to.Ranges, r => r.Name, changes, r => new CreateRangeType(r), r => new DropRangeType(r), (o, n) =>
            UserOf(from, o.Name) is { } user
                ? new UnsupportedChange("range type", o.Name.ToString(), "its definition changes and " + user + " uses it: PostgreSQL cannot alter a range type, drop and re-create it by hand")
                : new ReplaceRangeType(o, n));
    }

    private static Change Composite(SchemaModel from, CompositeType old, CompositeType @new)
    {
        var user = UserOf(from, old.Name);
        if (AltersInPlace(old, @new))
        {
            var alter = new AlterCompositeType(old, @new);
            var retyped = alter.Retyped.ToList();
            if (retyped.Count == 0 || user is null || !user.StartsWith("column", StringComparison.Ordinal))
            {
                return alter;
            }

            return new UnsupportedChange(
                "composite type",
                old.Name.ToString(),
                "attribute " + string.Join(", ", retyped.Select(a => a.Name)) + " changes type and " + user
                + " uses the type: PostgreSQL cannot alter the attribute of a composite type stored in a table; add a new attribute and move the data by hand");
        }

        return user is null
            ? new ReplaceCompositeType(old, @new)
            : new UnsupportedChange(
                "composite type",
                old.Name.ToString(),
                "its attributes are reordered or renamed and " + user + " uses it: ALTER TYPE cannot move an attribute; add new attributes at the end instead");
    }

    private static int Depth(SchemaModel model, CompositeType type, int guard) =>
        guard > 50 ? 0 : type.Attributes
            .Select(a => model.Composites.FirstOrDefault(c => c.Name == a.TypeName && c != type))
            .Select(c => c is null ? 0 : Depth(model, c, guard + 1) + 1)
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>
    /// True when <c>ALTER TYPE</c> reaches <paramref name="new"/>: the attributes both have keep their relative order
    /// and come first, the added ones after them (ADD ATTRIBUTE appends).
    /// </summary>
    internal static bool AltersInPlace(CompositeType old, CompositeType @new)
    {
        var kept = old.Attributes.Where(a => @new.Attributes.Any(n => n.Name == a.Name)).Select(a => a.Name).ToList();
        return @new.Attributes.Take(kept.Count).Select(a => a.Name).SequenceEqual(kept);
    }

    /// <summary>The first object of <paramref name="model"/> that uses type <paramref name="type"/>, described, or null.</summary>
    internal static string? UserOf(SchemaModel model, QualifiedName type)
    {
        foreach (var table in model.Tables)
        {
            if (table.Columns.FirstOrDefault(c => c.TypeName == type) is { } column)
            {
                return "column " + table.Name + "." + column.Name;
            }
        }

        if (model.Composites.FirstOrDefault(c => c.Name != type && c.Attributes.Any(a => a.TypeName == type)) is { } composite)
        {
            return "composite type " + composite.Name;
        }

        if (model.Ranges.FirstOrDefault(r => r.SubtypeName == type) is { } range)
        {
            return "range type " + range.Name;
        }

        if (model.Domains.FirstOrDefault(d => d.BaseType == type.Sql || d.BaseType == type.Sql + "[]") is { } domain)
        {
            return "domain " + domain.Name;
        }

        if (model.Functions.FirstOrDefault(f => f.Arguments.Contains(type.Sql, StringComparison.Ordinal) || f.Result.Contains(type.Sql, StringComparison.Ordinal)) is { } function)
        {
            return function.Kind + " " + function.Signature;
        }

        return null;
    }
}
