using SchemaPlanner.Errors;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SchemaPlanner.Templates;

/// <summary>
/// Resolves <c>include 'sql/sync-trigger.sbn'</c>: the override folder first, then the embedded defaults, and
/// nothing else (<see cref="TemplateCatalog.Confine"/>): <c>../x</c> or an absolute path is an error.
/// </summary>
internal sealed class TemplateLoader(TemplateCatalog catalog) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        try
        {
            return catalog.Location(TemplateCatalog.Confine(templateName));
        }
        catch (SchemaPlannerException e)
        {
            throw new ScriptRuntimeException(callerSpan, "include " + e.Message);
        }
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => catalog.SourceAt(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
