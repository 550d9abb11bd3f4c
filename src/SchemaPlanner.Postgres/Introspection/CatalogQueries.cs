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

    /// <summary>
    /// What the read's transaction sets (<c>SET LOCAL</c>) before the queries. pg_get_* functions qualify names that are
    /// not on the search_path, and an empty path makes every read qualify the same way whatever the session's settings.
    /// The catalog queries of a big schema cost past jit_above_cost, and compiling them costs more than it saves
    /// (~190 ms of a 5,000-table read, for queries that run once).
    /// </summary>
    public static readonly IReadOnlyList<string> TransactionSettings = ["search_path = pg_catalog", "jit = off"];

    /// <summary>
    /// A planner method a query runs without (<c>SET LOCAL enable_x = off</c> before it, the default again after it).
    /// dependencies.sql joins its object list (115,000 rows at 5,000 tables) twice, and the planner, misjudging the
    /// join as tiny, sorts that list for a merge join: a hash join takes ~500 ms there instead of ~700.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PlannerMethodsOff = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dependencies"] = "enable_mergejoin",
    };

    public static string Load(string name) => EmbeddedSql.Load("Introspection." + name);

    /// <summary>The query for a server of this major version, its holes filled (a column older servers lack).</summary>
    public static string Load(string name, int serverMajor) => name switch
    {
        "indexes" => EmbeddedSql.Fill("Introspection.indexes", ("nulls_not_distinct", serverMajor >= 15 ? "i.indnullsnotdistinct" : "false")),
        _ => Load(name),
    };
}
