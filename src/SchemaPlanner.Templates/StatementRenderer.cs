using System.Collections.Concurrent;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Templates;

/// <summary>
/// Writes statements through <c>sql/statements/</c> templates, a user's overrides first (<see cref="TemplateCatalog"/>).
/// The text is what the template wrote, without its trailing newline: nothing else is normalised, so a function
/// body keeps its blank lines and trailing spaces.
/// </summary>
public sealed class StatementRenderer : ISqlRenderer
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private readonly TemplateEngine engine;

    public StatementRenderer(TemplateCatalog catalog) => engine = new TemplateEngine(catalog);

    /// <summary>The built-in templates only.</summary>
    public static StatementRenderer BuiltIn { get; } = new(new TemplateCatalog(null));

    public string Render(ISqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var name = Names.GetOrAdd(statement.GetType(), SqlStatements.TemplateOf);
        return engine.RenderExact(name, statement).TrimEnd();
    }
}
