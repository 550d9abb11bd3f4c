using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Where scratch databases are made for one command run: the <c>--dev-database</c> server when given; a throwaway
/// PostgreSQL container for <c>--dev-database docker[:IMAGE]</c>; otherwise a throwaway cluster from the local
/// binaries, or, when there are none and a Docker engine answers, a container (said on <see cref="Notices"/>).
/// The throwaway server starts on first use and is removed on dispose. It is given the roles of the live server
/// (<paramref name="rolesFrom"/>) that SQL run on it names (<see cref="ScratchRoles"/>); a <c>--dev-database</c>
/// server is the user's, so nothing is created on it and a missing role stays an error.
/// </summary>
public sealed class ScratchServer(string? devDatabase, string? rolesFrom = null) : IAsyncDisposable
{
    /// <summary>Says why none of the three ways to a scratch server is available.</summary>
    internal const string NoServerMessage =
        "no PostgreSQL server for scratch databases: the PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found " +
        "and no Docker engine answers; install the server binaries (e.g. apt-get install -y postgresql, or set " +
        PostgresBinaries.BinDirectoryVariable + " to their folder), pass --dev-database CONN to use an existing server, " +
        "or start a Docker engine (then a container is used, see scripts/build-postgres-image.sh)";

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly bool docker = DockerDevDatabase.IsDocker(devDatabase);

    // Checked here, so that "docker:" with no image is bad input before anything runs.
    private readonly string? namedImage = DockerDevDatabase.IsDocker(devDatabase) ? DockerDevDatabase.ImageOf(devDatabase!) : null;
    private readonly ScratchRoles? roles =
        (devDatabase is null || DockerDevDatabase.IsDocker(devDatabase)) && rolesFrom is not null ? new ScratchRoles(ConnectionStrings.Normalize(rolesFrom)) : null;

    private IThrowawayServer? throwaway;

    /// <summary>Where the note that a container stands in for missing local binaries goes (default: standard error).</summary>
    public TextWriter Notices { get; init; } = Console.Error;

    /// <summary>The PostgreSQL version (e.g. 160000) whose image <c>docker</c> picks when there is no live server to ask.</summary>
    public int? PgVersionNumber { get; init; }

    /// <summary>Finds the local server binaries (tests stand in for a machine without them).</summary>
    internal Func<PostgresBinaries> FindBinaries { get; init; } = PostgresBinaries.Find;

    /// <summary>Whether a Docker engine answers (tests stand in for a machine without one).</summary>
    internal Func<bool> DockerAnswers { get; init; } = ScratchContainer.EngineAnswers;

    /// <summary>The throwaway server, once started (null before, and with a <c>--dev-database</c> server).</summary>
    public IThrowawayServer? Throwaway => throwaway;

    /// <summary>
    /// The scratch server of a command run: the live roles and version come from the current schema when it is a
    /// live database (a snapshot or SQL files name no server to read them from).
    /// </summary>
    public static ScratchServer For(Analysis.AnalysisRequest request, TextWriter? notices = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ScratchServer(request.DevDatabase, SchemaSources.IsConnectionString(request.Current) ? request.Current : null)
        {
            Notices = notices ?? Console.Error,
            PgVersionNumber = request.PgVersionNumber,
        };
    }

    /// <summary>
    /// Before <paramref name="names"/>' statements run on a database of the throwaway server: creates the live
    /// roles among them that it lacks (NOLOGIN, nothing else). Nothing on a <c>--dev-database</c> server.
    /// </summary>
    public async Task EnsureRolesAsync(ScratchDatabase database, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (roles is not null)
        {
            await roles.CreateMissingAsync(database.ConnectionString, names, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates an empty database for one use; the caller disposes it.</summary>
    public async Task<ScratchDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (devDatabase is not null && !docker)
        {
            return await ScratchDatabase.CreateAsync(devDatabase, cancellationToken).ConfigureAwait(false);
        }

        await starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            throwaway ??= await StartThrowawayAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            starting.Release();
        }

        return await ScratchDatabase.CreateAsync(throwaway.ConnectionString, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (throwaway is not null)
        {
            await throwaway.DisposeAsync().ConfigureAwait(false);
            throwaway = null;
        }

        starting.Dispose();
    }

    private async Task<IThrowawayServer> StartThrowawayAsync(CancellationToken cancellationToken)
    {
        if (docker)
        {
            return await StartContainerAsync(namedImage, cancellationToken).ConfigureAwait(false);
        }

        PostgresBinaries binaries;
        try
        {
            binaries = FindBinaries();
        }
        catch (SchemaPlannerException notFound) when (
            notFound.Kind == ErrorKind.Environment
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable)))
        {
            if (!DockerAnswers())
            {
                throw new SchemaPlannerException(ErrorKind.Environment, NoServerMessage, notFound);
            }

            return await StartContainerAsync(null, cancellationToken, announce: true).ConfigureAwait(false);
        }

        return await TemporaryCluster.StartAsync(binaries, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ScratchContainer> StartContainerAsync(string? named, CancellationToken cancellationToken, bool announce = false)
    {
        var image = named;
        if (image is null)
        {
            var major = await MajorVersionAsync(cancellationToken).ConfigureAwait(false);
            image = DockerDevDatabase.DefaultImage(major);
            if (ScratchContainer.EngineAnswers() && !await ScratchContainer.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false))
            {
                throw new SchemaPlannerException(
                    ErrorKind.Environment,
                    $"the Docker image {image} is not on this engine; build it with scripts/build-postgres-image.sh {major.ToString(System.Globalization.CultureInfo.InvariantCulture)} " +
                    "(no registry needed), or name an image: --dev-database docker:IMAGE (e.g. docker:postgres:16)");
            }
        }

        if (announce)
        {
            await Notices.WriteLineAsync(
                $"schemaplan: no local PostgreSQL server binaries were found; using a throwaway Docker container ({image}) for scratch databases").ConfigureAwait(false);
        }

        return await ScratchContainer.StartAsync(image, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The live server's major version; else that of <see cref="PgVersionNumber"/>; else <see cref="DockerDevDatabase.FallbackMajor"/>.</summary>
    private async Task<int> MajorVersionAsync(CancellationToken cancellationToken)
    {
        if (rolesFrom is null)
        {
            return PgVersionNumber is { } number ? number / 10000 : DockerDevDatabase.FallbackMajor;
        }

        var live = ConnectionStrings.Normalize(rolesFrom);
        try
        {
            await using var connection = new NpgsqlConnection(live);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection.PostgreSqlVersion.Major;
        }
        catch (Exception ex) when (ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, live);
        }
    }
}
