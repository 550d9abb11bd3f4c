using System.Collections;
using System.Reflection;
using SchemaPlanner.Model;
using Scriban.Runtime;

namespace SchemaPlanner.Templates;

/// <summary>
/// Turns a data record into what a template reads: a <see cref="ScriptObject"/> per record with its public
/// properties named in snake_case (<c>PauseSeconds</c> → <c>pause_seconds</c>), lists as arrays. Being script
/// objects, a template can step into one with <c>with</c> and include another template on it. A
/// <see cref="QualifiedName"/> stays as it is, for <c>sql.qname</c>. An empty string becomes null, so that
/// <c>if x</c> means "x is set" for strings as for objects.
/// </summary>
internal static class TemplateModel
{
    public static ScriptObject Of(object data) => Record(data);

    private static object? Value(object? value) => value switch
    {
        null => null,
        "" => null,
        string or bool or int or long or double or decimal or QualifiedName => value,
        Enum e => e.ToString(),
        IEnumerable items => new ScriptArray(items.Cast<object?>().Select(Value)),
        _ => Record(value),
    };

    private static ScriptObject Record(object data)
    {
        var result = new ScriptObject();
        foreach (var property in data.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            result.SetValue(StandardMemberRenamer.Default(property), Value(property.GetValue(data)), readOnly: true);
        }

        return result;
    }
}
