using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// The type a rehearsal reads a column as, whatever its physical type is at that moment: the version's type
/// without length, precision or scale (so a value that does not fit is seen, never truncated by the read), enums
/// as text (the old and the new enum are different types), domains as their base type.
/// </summary>
internal static class ReadTypes
{
    public static string Of(Column column, SchemaModel model)
    {
        var array = column.Type.EndsWith("[]", StringComparison.Ordinal);
        if (model.FindEnum(column.TypeName) is not null)
        {
            return array ? "text[]" : "text";
        }

        if (model.Domains.FirstOrDefault(d => d.Name == column.TypeName) is { } domain)
        {
            return SeedValues.Base(domain.BaseType);
        }

        var type = SeedValues.Base(column.Type);
        return type switch
        {
            "character varying" or "character" or "character varying[]" or "character[]" or "name" => array ? "text[]" : "text",
            _ => type,
        };
    }

    /// <summary><c>CAST(alias."column" AS readType)</c>.</summary>
    public static string Read(string alias, Column column, SchemaModel model) => $"CAST({alias}.{Sql.Quote(column.Name)} AS {Of(column, model)})";

    /// <summary>A JSON object of the columns, each read as <see cref="Of"/> says.</summary>
    public static string JsonObject(string alias, IEnumerable<Column> columns, SchemaModel model) =>
        JsonObject(columns.Select(c => (c.Name, Read(alias, c, model))));

    /// <summary>
    /// <c>jsonb_build_object</c> of name/expression pairs, in chunks of 40 (a function takes at most 100 arguments).
    /// </summary>
    public static string JsonObject(IEnumerable<(string Name, string Expression)> pairs)
    {
        var chunks = pairs.Chunk(40).Select(chunk => "jsonb_build_object(" + string.Join(", ", chunk.Select(p => Sql.Literal(p.Name) + ", " + p.Expression)) + ")").ToList();
        return chunks.Count == 0 ? "'{}'::jsonb" : string.Join(" || ", chunks);
    }
}
