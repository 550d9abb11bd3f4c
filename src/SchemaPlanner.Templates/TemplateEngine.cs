using System.Collections;
using System.Globalization;
using HandlebarsDotNet;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Templates;

/// <summary>
/// Handlebars with the helpers templates use: <c>ident</c> (quote an identifier), <c>qname</c> (a schema-qualified
/// name), <c>literal</c> (a string literal), <c>escape</c> (text inside a RAISE format string), <c>join</c>,
/// <c>indent</c>, <c>shortname</c> (63-byte limit with hash suffix), <c>keys</c>/<c>vars</c> (key column lists).
/// HTML escaping is off: the output is SQL and Markdown.
/// </summary>
internal sealed class TemplateEngine
{
    private readonly IHandlebars handlebars;
    private readonly TemplateCatalog catalog;
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);

    public TemplateEngine(TemplateCatalog catalog)
    {
        this.catalog = catalog;
        handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        handlebars.RegisterHelper("ident", (_, args) => Sql.Quote(Text(args, 0)));
        handlebars.RegisterHelper("qname", (_, args) => args[0] is QualifiedName name ? name.Sql : Text(args, 0));
        handlebars.RegisterHelper("literal", (_, args) => Sql.Literal(Text(args, 0)));
        handlebars.RegisterHelper("escape", (_, args) => Text(args, 0).Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal));
        handlebars.RegisterHelper("concat", (_, args) => string.Concat(Enumerable.Range(0, args.Length).Select(i => Text(args, i))));
        handlebars.RegisterHelper("shortname", (_, args) => Sql.ShortName(Text(args, 0)));
        handlebars.RegisterHelper("join", (_, args) => string.Join(", ", Items(args[0]).Select(i => i?.ToString())));
        handlebars.RegisterHelper("indent", (_, args) =>
        {
            var pad = new string(' ', Convert.ToInt32(args[1], CultureInfo.InvariantCulture));
            return string.Join('\n', Text(args, 0).TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : pad + l));
        });
        handlebars.RegisterHelper("keys", (_, args) =>
            string.Join(", ", Items(args[0]).Cast<KeyColumn>().Select(k => Text(args, 1) + Sql.Quote(k.Name))));
        handlebars.RegisterHelper("vars", (_, args) =>
            string.Join(", ", Items(args[0]).Cast<KeyColumn>().Select((_, i) => Text(args, 1) + i.ToString(CultureInfo.InvariantCulture))));
        foreach (var partial in TemplateCatalog.Names.Where(n => n.StartsWith("sql/", StringComparison.Ordinal)))
        {
            handlebars.RegisterTemplate(partial["sql/".Length..^".hbs".Length], catalog.Source(partial));
        }
    }

    public string Render(string name, object data)
    {
        if (!compiled.TryGetValue(name, out var template))
        {
            template = handlebars.Compile(catalog.Source(name));
            compiled[name] = template;
        }

        return Normalize(template(data));
    }

    /// <summary>LF endings, no trailing spaces, no runs of blank lines, one final newline.</summary>
    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join('\n', result).TrimEnd('\n') + "\n";
    }

    private static string Text(Arguments args, int index) => args.Length > index ? args[index]?.ToString() ?? "" : "";

    private static IEnumerable<object?> Items(object? value) => value is IEnumerable e and not string ? e.Cast<object?>() : [];
}
