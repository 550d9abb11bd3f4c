using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>Small helpers the generators share; the statements themselves are templates (<see cref="ISqlStatement"/>).</summary>
internal static class DdlText
{
    /// <summary>A table constraint added as the model has it: <c>NOT VALID</c> when it is not validated.</summary>
    public static ConstraintSql.Add AddConstraint(QualifiedName table, Constraint constraint) =>
        new(table, constraint.Name, constraint.Definition, NotValid: !constraint.Validated);

    /// <summary>A free name in the same schema for an object moved out of the way (63-byte safe).</summary>
    public static QualifiedName AwayName(QualifiedName name) => name with { Name = Sql.ShortName(name.Name + "__old") };

    /// <summary>Catalog definitions end with a newline (functions) or a semicolon (views): statements carry neither.</summary>
    public static string Trim(string definition) => definition.TrimEnd().TrimEnd(';').TrimEnd();

    public static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }
}
