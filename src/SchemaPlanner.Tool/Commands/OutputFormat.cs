using SchemaPlanner.Errors;

namespace SchemaPlanner.Tool.Commands;

internal enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Sarif,
    MsBuild,
}

internal static class OutputFormats
{
    public static OutputFormat Parse(string? value, params OutputFormat[] allowed)
    {
        var format = value?.ToLowerInvariant() switch
        {
            null or "text" => OutputFormat.Text,
            "json" => OutputFormat.Json,
            "markdown" or "md" => OutputFormat.Markdown,
            "sarif" => OutputFormat.Sarif,
            "msbuild" => OutputFormat.MsBuild,
            _ => (OutputFormat?)null,
        };
        return format is { } f && allowed.Contains(f)
            ? f
            : throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--format: \"{value}\" is not one of {string.Join("|", allowed.Select(a => a.ToString().ToLowerInvariant()))}");
    }
}
