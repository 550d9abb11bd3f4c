using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SchemaPlanner;

/// <summary>
/// The SQL that SchemaPlanner.Postgres runs for itself (catalog reads, scratch databases, the DDL event log, the
/// history table, the rehearsal's synthetic traffic and probes), embedded from the <c>Queries/*.sql</c> files
/// beside the code that runs it. <c>Introspection/Queries/columns.sql</c> is <c>Load("Introspection.columns")</c>.
/// Statements the planner writes for the user do not live here: they are Scriban templates.
/// </summary>
internal static partial class EmbeddedSql
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>&lt;Folder&gt;/Queries/&lt;name&gt;.sql</c>, named <c>"Folder.name"</c>.</summary>
    public static string Load(string name) => Cache.GetOrAdd(name, static name =>
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var resource = "SchemaPlanner." + name[..dot] + ".Queries." + name[(dot + 1)..] + ".sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("missing embedded query " + resource);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// The query with each <c>{{hole}}</c> replaced by its value (SQL the caller built from quoted names and
    /// literals). A hole without a value, or a value without a hole, is an error, as a typo in a template is.
    /// </summary>
    public static string Fill(string name, params (string Hole, string Value)[] values)
    {
        var text = Load(name);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var filled = Hole().Replace(text, match =>
        {
            var hole = match.Groups[1].Value;
            foreach (var (key, value) in values)
            {
                if (key == hole)
                {
                    used.Add(hole);
                    return value;
                }
            }

            throw new InvalidOperationException($"embedded query {name} has a hole {{{{{hole}}}}} without a value");
        });
        if (values.FirstOrDefault(v => !used.Contains(v.Hole)) is { Hole: not null } unused)
        {
            throw new InvalidOperationException($"embedded query {name} has no hole {{{{{unused.Hole}}}}}");
        }

        return filled.TrimEnd();
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Hole();
}
