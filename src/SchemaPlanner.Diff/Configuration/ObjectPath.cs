using System.Text;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// Parses names written in SQL identifier syntax (<c>public."Order Items"."select"</c>): unquoted parts fold to
/// lower case, quoted parts are kept verbatim with <c>""</c> unescaped.
/// </summary>
public static class ObjectPath
{
    public static IReadOnlyList<string> Parse(string text, string where)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                throw Invalid(text, where, "a name part is missing");
            }

            var part = new StringBuilder();
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw Invalid(text, where, "a quoted name is not closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            part.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    part.Append(text[i++]);
                }

                if (part.Length == 0)
                {
                    throw Invalid(text, where, "a quoted name is empty");
                }
            }
            else
            {
                while (i < text.Length && text[i] != '.')
                {
                    var c = text[i++];
                    if (!(char.IsLetterOrDigit(c) || c == '_' || c == '$'))
                    {
                        throw Invalid(text, where, $"'{c}' must be inside a quoted name");
                    }

                    part.Append(char.ToLowerInvariant(c));
                }

                if (part.Length == 0)
                {
                    throw Invalid(text, where, "a name part is empty");
                }
            }

            parts.Add(part.ToString());
            if (i == text.Length)
            {
                return parts;
            }

            if (text[i] != '.')
            {
                throw Invalid(text, where, "expected '.' after a quoted name");
            }

            i++;
        }
    }

    /// <summary>Parses <c>schema.table</c>.</summary>
    public static QualifiedName ParseTable(string text, string where)
    {
        var parts = Parse(text, where);
        return parts.Count == 2
            ? new QualifiedName(parts[0], parts[1])
            : throw Invalid(text, where, "expected schema.table");
    }

    /// <summary>Parses <c>schema.table.column</c>.</summary>
    public static (QualifiedName Table, string Column) ParseColumn(string text, string where)
    {
        var parts = Parse(text, where);
        return parts.Count == 3
            ? (new QualifiedName(parts[0], parts[1]), parts[2])
            : throw Invalid(text, where, "expected schema.table.column");
    }

    private static SchemaPlannerException Invalid(string text, string where, string reason) =>
        new(ErrorKind.InvalidInput, $"{where}: invalid name \"{text}\": {reason}");
}
