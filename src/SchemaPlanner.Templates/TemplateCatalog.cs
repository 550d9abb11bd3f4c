using SchemaPlanner.Errors;

namespace SchemaPlanner.Templates;

/// <summary>
/// The Scriban templates (<c>.sbn</c>): embedded defaults, each overridable by a file of the same relative path in a
/// user folder (<c>--templates DIR</c>). <c>schemaplan templates export DIR</c> writes the defaults out to start from.
/// </summary>
public sealed class TemplateCatalog
{
    public const string Extension = ".sbn";
    private const string Prefix = "SchemaPlanner.Templates/";
    private readonly string? overrideDirectory;

    public TemplateCatalog(string? overrideDirectory)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--templates: folder {overrideDirectory} does not exist");
        }

        this.overrideDirectory = overrideDirectory is null ? null : Path.GetFullPath(overrideDirectory);
        if (OverrideFiles("*.hbs").FirstOrDefault() is { } handlebars)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{Path.Combine(this.overrideDirectory!, handlebars)}: templates are now Scriban templates (.sbn), not Handlebars (.hbs); " +
                $"rename it to {NewName(handlebars)} and convert it (`schemaplan templates export DIR` writes the Scriban defaults to start from)");
        }

        foreach (var file in OverrideFiles("*" + Extension))
        {
            if (!Names.Contains(file))
            {
                throw new SchemaPlannerException(
                    ErrorKind.InvalidInput,
                    $"{Path.Combine(this.overrideDirectory!, file)}: not a SchemaPlanner template (known: {string.Join(", ", Names)})");
            }
        }
    }

    /// <summary>Relative names of all templates, e.g. <c>sql/backfill.sbn</c>, <c>plan.md.sbn</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(TemplateCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Where a template comes from, as errors name it: the override file's path, or <c>built-in NAME</c>.</summary>
    public string Location(string name)
    {
        var path = OverridePath(name);
        return path is not null && File.Exists(path) ? path : "built-in " + name;
    }

    /// <summary>The text at a <see cref="Location"/>.</summary>
    public string SourceAt(string location) => location.StartsWith("built-in ", StringComparison.Ordinal)
        ? Embedded(location["built-in ".Length..])
        : File.ReadAllText(location).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The template an include names, or an error: only the catalog's own names (relative, forward slashes, no
    /// <c>..</c>) resolve, so no template reads a file outside the template folders.
    /// </summary>
    public static string Confine(string name)
    {
        var segments = name.Split('/');
        if (name.Length == 0 || name.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(name) || segments.Any(s => s is "" or "." or ".."))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"'{name}' leaves the template folders: name a template by its relative path, e.g. sql/sync-trigger.sbn");
        }

        return Names.Contains(name)
            ? name
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"no template named '{name}' (known: {string.Join(", ", Names)})");
    }

    public static string Embedded(string name)
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"no built-in template {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Writes every default template into <paramref name="directory"/> (not overwriting without force).</summary>
    public static IReadOnlyList<string> Export(string directory, bool force)
    {
        var written = new List<string>();
        foreach (var name in Names)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && !force)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path} exists; use --force to overwrite");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Embedded(name));
            written.Add(path);
        }

        return written;
    }

    /// <summary>The Scriban name of a Handlebars template of earlier versions (<c>sql/backfill.hbs</c> → <c>sql/backfill.sbn</c>).</summary>
    public static string NewName(string handlebarsName)
    {
        var stem = handlebarsName.Replace('\\', '/')[..^".hbs".Length];
        return (stem is "sql/sync-assign" or "sql/backfill-pending" ? SqlTemplates.PartsFolder + stem["sql/".Length..] : stem) + Extension;
    }

    private string? OverridePath(string name) => overrideDirectory is null ? null : Path.Combine(overrideDirectory, name);

    private IEnumerable<string> OverrideFiles(string pattern) => overrideDirectory is null
        ? []
        : Directory.EnumerateFiles(overrideDirectory, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(overrideDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
