using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// The <c>--dev-database docker[:IMAGE]</c> spelling (also <c>SCHEMAPLAN_DEV_DATABASE</c> and schemaplan.json's
/// <c>devDatabase</c>): scratch databases go to a throwaway PostgreSQL container instead of a server of the user's.
/// Without IMAGE the image is <c>schemaplanner/postgres:MAJOR</c>, MAJOR being the live server's major version,
/// which <c>scripts/build-postgres-image.sh MAJOR</c> builds without a registry.
/// </summary>
public static class DockerDevDatabase
{
    public const string Keyword = "docker";

    /// <summary>Repository of the images the build script makes; the tag is the PostgreSQL major version.</summary>
    public const string ImageRepository = "schemaplanner/postgres";

    /// <summary>The major version used when no live server tells one and no <c>--pg-version</c> is given.</summary>
    public const int FallbackMajor = 15;

    /// <summary>Whether <paramref name="devDatabase"/> asks for a container rather than naming a server.</summary>
    public static bool IsDocker(string? devDatabase)
    {
        var text = devDatabase?.Trim();
        return text is not null
            && (text.Equals(Keyword, StringComparison.OrdinalIgnoreCase)
                || text.StartsWith(Keyword + ":", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The IMAGE of <c>docker:IMAGE</c>, or null for plain <c>docker</c> (the default image).</summary>
    /// <exception cref="SchemaPlannerException">With <see cref="ErrorKind.InvalidInput"/> for <c>docker:</c> with nothing after it.</exception>
    public static string? ImageOf(string devDatabase)
    {
        ArgumentNullException.ThrowIfNull(devDatabase);
        var text = devDatabase.Trim();
        if (text.Length == Keyword.Length)
        {
            return null;
        }

        var image = text[(Keyword.Length + 1)..].Trim();
        return image.Length > 0
            ? image
            : throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--dev-database \"{text}\" names no image after 'docker:'; write docker (for {DefaultImage(FallbackMajor)} or the live server's major version) or docker:IMAGE, e.g. docker:postgres:16");
    }

    /// <summary>The image <c>docker</c> without IMAGE uses for a server of major version <paramref name="major"/>.</summary>
    public static string DefaultImage(int major) => $"{ImageRepository}:{major.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
