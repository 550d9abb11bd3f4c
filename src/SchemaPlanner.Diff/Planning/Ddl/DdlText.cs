using System.Globalization;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>Small pieces of DDL text the generators share.</summary>
internal static class DdlText
{
    /// <summary>Indentation of the lines inside a <c>CREATE TABLE (…)</c>.</summary>
    public const string Indent = "    ";

    public static string AlterTable(QualifiedName table) => "ALTER TABLE " + table.Sql;

    public static string AddConstraint(QualifiedName table, Constraint constraint) =>
        AlterTable(table) + " ADD CONSTRAINT " + Sql.Quote(constraint.Name) + " " + constraint.Definition + (constraint.Validated ? "" : " NOT VALID");

    /// <summary>A free name in the same schema for an object moved out of the way (63-byte safe).</summary>
    public static QualifiedName AwayName(QualifiedName name) => name with { Name = Sql.ShortName(name.Name + "__old") };

    /// <summary>Catalog definitions end with a newline (functions) or a semicolon (views): statements carry neither.</summary>
    public static string Trim(string definition) => definition.TrimEnd().TrimEnd(';').TrimEnd();

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }
}
