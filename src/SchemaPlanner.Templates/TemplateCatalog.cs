using System.Reflection;

namespace SchemaPlanner.Templates;

/// <summary>
/// The templates: embedded defaults, each overridable by a file of the same relative path in a user folder
/// (<c>--templates DIR</c>). <c>schemaplan templates export DIR</c> writes the defaults out to start from.
/// </summary>
public sealed class TemplateCatalog
{
    private const string Prefix = "SchemaPlanner.Templates.";
    private readonly string? overrideDirectory;

    public TemplateCatalog(string? overrideDirectory)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new Errors.SchemaPlannerException(Errors.ErrorKind.InvalidInput, $"--templates: folder {overrideDirectory} does not exist");
        }

        this.overrideDirectory = overrideDirectory;
        foreach (var file in OverrideFiles())
        {
            if (!Names.Contains(file))
            {
                throw new Errors.SchemaPlannerException(
                    Errors.ErrorKind.InvalidInput,
                    $"{Path.Combine(overrideDirectory!, file)}: not a SchemaPlanner template (known: {string.Join(", ", Names)})");
            }
        }
    }

    /// <summary>Relative names of all templates, e.g. <c>sql/backfill.hbs</c>, <c>plan.md.hbs</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(TemplateCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".hbs", StringComparison.Ordinal))
        .Select(n => ResourceToName(n[Prefix.Length..]))
        .Order(StringComparer.Ordinal)
        .ToList();

    public string Source(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        return Embedded(name);
    }

    public static string Embedded(string name)
    {
        var resource = typeof(TemplateCatalog).Assembly.GetManifestResourceNames()
            .Single(n => n.StartsWith(Prefix, StringComparison.Ordinal) && ResourceToName(n[Prefix.Length..]) == name);
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(resource)!;
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
                throw new Errors.SchemaPlannerException(Errors.ErrorKind.InvalidInput, $"{path} exists; use --force to overwrite");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Embedded(name));
            written.Add(path);
        }

        return written;
    }

    private IEnumerable<string> OverrideFiles() => overrideDirectory is null
        ? []
        : Directory.EnumerateFiles(overrideDirectory, "*.hbs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(overrideDirectory, f).Replace('\\', '/'));

    // Resource names use '.' for folders ("sql.backfill.hbs"); the first folder level is all we have.
    private static string ResourceToName(string resource) =>
        resource.StartsWith("sql.", StringComparison.Ordinal) ? "sql/" + resource["sql.".Length..] : resource;
}
