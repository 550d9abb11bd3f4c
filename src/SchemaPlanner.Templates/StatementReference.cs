using System.Reflection;
using System.Text;
using Scriban.Runtime;

namespace SchemaPlanner.Templates;

/// <summary>
/// The reference page of the statement templates (<c>docs/templates.md</c>): per object kind, each template with
/// its record, the fields a template reads (snake_case) and the built-in text. A test keeps the page current.
/// </summary>
public static class StatementReference
{
    public static string Markdown()
    {
        var page = new StringBuilder();
        page.Append("# Statement templates\n\n")
            .Append("Every statement SchemaPlanner writes comes from one of these templates (plain DDL, and the statements\n")
            .Append("recipes run around their sync triggers and backfills). Override one by putting a file of the same relative\n")
            .Append("path in your `--templates` folder (`schemaplan templates export DIR` writes them all out). A template writes\n")
            .Append("exactly one statement, without the trailing semicolon; names arrive raw, so quote them with `sql.ident` and\n")
            .Append("`sql.qname`. A `table` or other schema-qualified name has `schema` and `name`. Booleans are `true`/`false`;\n")
            .Append("an empty string or a missing value is null. This page is generated from the code\n")
            .Append("(`SCHEMAPLAN_UPDATE_GOLDEN=1 dotnet test --filter StatementReference` rewrites it).\n");
        foreach (var kind in SqlStatements.Records.GroupBy(r => r.DeclaringType!).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            page.Append("\n## ").Append(kind.Key.Name[..^"Sql".Length]).Append('\n');
            foreach (var record in kind.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var name = SqlStatements.TemplateOf(record);
                page.Append("\n### `").Append(name).Append("`\n\n")
                    .Append('`').Append(kind.Key.Name).Append('.').Append(record.Name).Append("`: ")
                    .Append(string.Join(", ", Fields(record).Select(f => "`" + f + "`")))
                    .Append("\n\n```\n").Append(TemplateCatalog.Embedded(name).TrimEnd('\n')).Append("\n```\n");
            }
        }

        return page.ToString();
    }

    private static IEnumerable<string> Fields(Type record) =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .Select(p => StandardMemberRenamer.Default(p) + " (" + TypeName(p.PropertyType) + ")");

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(int) || type == typeof(long) => "number",
        _ when Nullable.GetUnderlyingType(type) is { } inner => TypeName(inner),
        _ when type.Name == "QualifiedName" => "name",
        _ when type.IsGenericType && type.GetGenericArguments() is [var item] => "list of " + TypeName(item),
        _ => type.Name,
    };
}
