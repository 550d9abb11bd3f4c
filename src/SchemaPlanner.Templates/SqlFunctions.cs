using System.Collections;
using System.Globalization;
using SchemaPlanner.Model;
using Scriban.Runtime;

namespace SchemaPlanner.Templates;

/// <summary>
/// The helpers every template can call as <c>sql.NAME</c> (e.g. <c>{{ table | sql.qname }}</c>,
/// <c>{{ sql.keys key "s." }}</c>). Quoting lives here and in <see cref="Sql"/> only.
/// </summary>
internal static class SqlFunctions
{
    /// <summary>The <c>sql</c> object: these methods, named in snake_case like everything a template reads.</summary>
    public static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(SqlFunctions), filter: m => m.Name != nameof(Create), renamer: StandardMemberRenamer.Default);
        return functions;
    }

    /// <summary>An identifier, quoted where PostgreSQL needs it.</summary>
    public static string Ident(object? name) => Sql.Quote(Text(name));

    /// <summary>A schema-qualified name (<c>public."Order Items"</c>).</summary>
    public static string Qname(object? name) => name is QualifiedName q ? q.Sql : Text(name);

    /// <summary>A string literal (<c>'it''s'</c>, <c>E'a\\b'</c> with backslashes).</summary>
    public static string Literal(object? text) => Sql.Literal(Text(text));

    /// <summary>Text inside a RAISE format string: quotes doubled, <c>%</c> doubled.</summary>
    public static string Escape(object? text) => Text(text).Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>A generated name cut to PostgreSQL's 63 bytes with a stable hash suffix.</summary>
    public static string Shortname(object? name) => Sql.ShortName(Text(name));

    /// <summary>Items separated by <c>", "</c>.</summary>
    public static string Join(object? items) => string.Join(", ", Items(items).Select(Text));

    /// <summary>Each non-empty line of <paramref name="text"/> indented by <paramref name="spaces"/> spaces.</summary>
    public static string Indent(object? text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join('\n', Text(text).TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }

    /// <summary>Key columns as a list: <c>prefix"a", prefix"b"</c>.</summary>
    public static string Keys(object? key, string? prefix = null) =>
        string.Join(", ", Items(key).Select(k => (prefix ?? "") + Sql.Quote(KeyName(k))));

    /// <summary>One variable per key column: <c>prefix0, prefix1</c>.</summary>
    public static string Vars(object? key, string? prefix = null) =>
        string.Join(", ", Items(key).Select((_, i) => (prefix ?? "") + i.ToString(CultureInfo.InvariantCulture)));

    private static string KeyName(object? column) => column switch
    {
        Planning.Templates.KeyColumn k => k.Name,
        IScriptObject o when o.TryGetValue("name", out var name) => Text(name),
        _ => Text(column),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        QualifiedName q => q.Sql,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<object?> Items(object? value) => value is IEnumerable e and not string ? e.Cast<object?>() : [];
}
