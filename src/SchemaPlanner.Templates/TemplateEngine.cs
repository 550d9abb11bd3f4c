using System.Collections.Concurrent;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SchemaPlanner.Templates;

/// <summary>
/// Scriban with what templates rely on: the data as snake_case members (<see cref="TemplateModel"/>), the
/// <c>sql.*</c> helpers (<see cref="SqlFunctions"/>), includes confined to the template folders
/// (<see cref="TemplateLoader"/>), strict variables and members (a typo is an error naming the file and line), and
/// no output or loop limits (a plan's file may be megabytes long with thousands of statements).
/// </summary>
internal sealed class TemplateEngine
{
    private readonly TemplateCatalog catalog;
    private readonly TemplateLoader loader;
    private readonly ScriptObject functions = new() { ["sql"] = SqlFunctions.Create() };
    private readonly ConcurrentDictionary<string, Template> parsed = new(StringComparer.Ordinal);

    public TemplateEngine(TemplateCatalog catalog)
    {
        this.catalog = catalog;
        loader = new TemplateLoader(catalog);
    }

    /// <summary>Renders a SQL template, the one <see cref="SqlTemplates"/> binds to the data's type.</summary>
    public string Render(ITemplateData data) => Render(SqlTemplates.For(data), data);

    public string Render(string name, object data) => Normalize(RenderExact(name, data));

    /// <summary>What the template writes, not normalised (a statement's text, function bodies included).</summary>
    public string RenderExact(string name, object data)
    {
        var location = catalog.Location(name);
        if (!parsed.TryGetValue(location, out var template))
        {
            template = Template.Parse(catalog.SourceAt(location), location);
            if (template.HasErrors)
            {
                var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
                throw Error(first.Span, first.Message, null);
            }

            parsed[location] = template;
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 0,
            LimitToString = 0,
            TemplateLoader = loader,
            NewLine = "\n",
            AutoIndent = false,
        };
        context.PushGlobal(functions);
        context.PushGlobal(TemplateModel.Of(data));
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException e) when (e.ParserMessages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } first)
        {
            throw Error(first.Span, first.Message, e);
        }
        catch (ScriptRuntimeException e)
        {
            throw Error(e.Span, e.OriginalMessage, e);
        }
    }

    private static SchemaPlannerException Error(SourceSpan span, string message, Exception? inner) =>
        new(ErrorKind.InvalidInput, $"template {span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}: {message}", inner);

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
}
