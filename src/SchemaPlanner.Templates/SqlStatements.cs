using System.Text;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Templates;

/// <summary>
/// Which template writes which statement: <c>sql/statements/KIND/NAME.sbn</c> from the record's class and name
/// (<c>ColumnSql.SetDefault</c> → <c>sql/statements/column/set-default.sbn</c>), so a record is bound to its template
/// by its type and a newcomer finds one from the other.
/// </summary>
public static class SqlStatements
{
    public const string Folder = "sql/statements/";

    /// <summary>Every statement record, from the planning assembly.</summary>
    public static IReadOnlyList<Type> Records { get; } = typeof(ISqlStatement).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISqlStatement).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The template of a statement record type.</summary>
    public static string TemplateOf(Type record)
    {
        var kind = record.DeclaringType?.Name is { } owner && owner.EndsWith("Sql", StringComparison.Ordinal)
            ? owner[..^"Sql".Length]
            : throw new InvalidOperationException($"{record.FullName} must be nested in a static class named KindSql (e.g. ColumnSql.{record.Name})");
        return Folder + Kebab(kind) + "/" + Kebab(record.Name) + TemplateCatalog.Extension;
    }

    /// <summary><c>SetNotNull</c> → <c>set-not-null</c>.</summary>
    public static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
