namespace SchemaPlanner.Introspection;

/// <summary>
/// The catalog queries, embedded from <c>Queries/*.sql</c>. Their number is fixed: introspection costs the
/// same number of statements (and one round trip) for 5 tables as for 5,000.
/// </summary>
internal static class CatalogQueries
{
    /// <summary>The queries in the order <see cref="SchemaReader"/> reads their results.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "server", "schemas", "extensions", "collations", "enums", "composites", "ranges", "domains", "sequences", "tables", "columns",
        "indexes", "constraints", "triggers", "policies", "views", "functions", "comments", "unsupported", "dependencies",
    ];

    public static string Load(string name) => EmbeddedSql.Load("Introspection." + name);
}
