using System.Globalization;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Microsoft.Extensions.Logging.Abstractions;
using SchemaPlanner.Errors;
using Testcontainers.PostgreSql;

namespace SchemaPlanner.Sources;

/// <summary>
/// A throwaway PostgreSQL server in a Docker container (Testcontainers.PostgreSql), for <c>--dev-database docker</c>
/// or when no local server binaries exist. It listens on a random host port with a random password that is never
/// printed. Disposing it removes the container; so do process exit and Ctrl+C, and a failed start. Containers carry
/// the label <see cref="Label"/> (value: the owning process id) so a leftover one can be found, and
/// <see cref="InstanceLabel"/> (a fresh GUID) so this process removes exactly its own: a start cut short between
/// Docker's create and Testcontainers learning the id leaves a container only that label still finds.
/// Ryuk, Testcontainers' reaper container, is off unless <c>TESTCONTAINERS_RYUK_DISABLED=false</c>: the container
/// is removed here, and Ryuk's image would have to be pulled from a registry.
/// </summary>
public sealed class ScratchContainer : IThrowawayServer
{
    public const string Label = "org.schemaplanner.scratch";

    /// <summary>Label whose value is unique to one <see cref="ScratchContainer"/>.</summary>
    public const string InstanceLabel = "org.schemaplanner.scratch.instance";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LateCreateWait = TimeSpan.FromSeconds(1);

    private readonly PostgreSqlContainer container;
    private readonly ExitClaim claim;

    static ScratchContainer()
    {
        TestcontainersSettings.ResourceReaperEnabled =
            string.Equals(Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED"), "false", StringComparison.OrdinalIgnoreCase);
    }

    private readonly string instance;

    private ScratchContainer(PostgreSqlContainer container, string image, string instance)
    {
        this.container = container;
        this.instance = instance;
        claim = new ExitClaim(RemoveNow);
        Image = image;
        ConnectionString = string.Empty;
    }

    public string Image { get; }

    /// <summary>Npgsql keyword form for the <c>postgres</c> superuser and database, password included: never print it.</summary>
    public string ConnectionString { get; private set; }

    /// <summary>The Docker container id (empty until created).</summary>
    public string Id => container.Id ?? string.Empty;

    /// <summary>
    /// Whether a Docker engine answers: Testcontainers' discovery (<c>DOCKER_HOST</c>, ~/.testcontainers.properties,
    /// the default socket) found an endpoint that replied to a ping. Decided once per process.
    /// </summary>
    public static bool EngineAnswers()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Whether the engine has <paramref name="image"/> locally (so starting it needs no registry).</summary>
    public static async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        using var client = Endpoint().GetDockerClientConfiguration(Guid.NewGuid()).CreateClient();
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Starts a container of <paramref name="image"/> and waits until PostgreSQL accepts connections.</summary>
    /// <exception cref="SchemaPlannerException">With <see cref="ErrorKind.Environment"/> when no engine answers or the container does not come up.</exception>
    public static Task<ScratchContainer> StartAsync(string image, CancellationToken cancellationToken) =>
        StartAsync(image, cancellationToken, entrypoint: null);

    /// <param name="entrypoint">Replaces the image's entrypoint (tests: a container that never serves PostgreSQL).</param>
    internal static async Task<ScratchContainer> StartAsync(string image, CancellationToken cancellationToken, string[]? entrypoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        _ = Endpoint();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var instance = Guid.NewGuid().ToString("N");
        var builder = new PostgreSqlBuilder()
            .WithImage(image)
            .WithUsername("postgres")
            .WithPassword(password)
            .WithDatabase("postgres")
            .WithLabel(Label, Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            .WithLabel(InstanceLabel, instance)
            .WithLogger(NullLogger.Instance);
        var built = (entrypoint is null ? builder : builder.WithEntrypoint(entrypoint)).Build();
        var scratch = new ScratchContainer(built, image, instance);

        // Registered before the container exists, so an interrupted start-up leaves nothing behind.
        scratch.claim.Register();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await built.StartAsync(timeout.Token).ConfigureAwait(false);
            scratch.ConnectionString = ConnectionStrings.Normalize(built.GetConnectionString());
            return scratch;
        }
        catch (Exception ex)
        {
            scratch.RemoveNow();
            cancellationToken.ThrowIfCancellationRequested();
            var reason = ex switch
            {
                OperationCanceledException => $"PostgreSQL did not accept connections within {StartTimeout.TotalMinutes:0} minutes",
                DockerApiException api => EngineMessage(api),
                _ => ex.Message,
            };
            throw new SchemaPlannerException(
                ErrorKind.Environment,
                $"could not start a PostgreSQL container from image {image}: {reason.Replace(password, "***", StringComparison.Ordinal)}",
                ex);
        }
    }

    /// <summary>Stops and removes the container.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!claim.TryClaim())
        {
            return;
        }

        try
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // Testcontainers' own stop can fail when Ctrl+C cut a call to the engine short; the removal by label
            // below is what makes sure the container goes (a failure here once left one behind).
        }

        await RemoveLabelledAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The engine's own message (e.g. why a pull failed) rather than the HTTP status around it.</summary>
    private static string EngineMessage(DockerApiException api)
    {
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(api.ResponseBody ?? string.Empty);
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return $"the Docker engine answered {(int)api.StatusCode}: {text}";
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: fall back to the exception's own text.
        }

        return api.Message;
    }

    private static IDockerEndpointAuthenticationConfiguration Endpoint() =>
        (EngineAnswers() ? TestcontainersSettings.OS.DockerEndpointAuthConfig : null)
        ?? throw new SchemaPlannerException(
            ErrorKind.Environment,
            "no Docker engine answers (DOCKER_HOST, or the default socket /var/run/docker.sock); start one, or pass --dev-database CONN to use an existing server");

    /// <summary>Synchronous removal for exit handlers and failed start-ups. Never throws.</summary>
    private void RemoveNow()
    {
        if (!claim.TryClaim())
        {
            return;
        }

        var idKnown = Id.Length > 0;
        try
        {
            container.DisposeAsync().AsTask().Wait(RemoveTimeout);
        }
        catch (Exception ex) when (ex is AggregateException or DockerApiException or InvalidOperationException or ObjectDisposedException)
        {
            // Best effort: this runs while the process is going down or a start already failed.
        }

        try
        {
            using var removing = new CancellationTokenSource(RemoveTimeout);
            RemoveLabelledAsync(removing.Token).Wait(RemoveTimeout);
            if (!idKnown)
            {
                // The engine finishes a create whose request was cancelled; look again once it has had time to.
                Thread.Sleep(LateCreateWait);
                RemoveLabelledAsync(removing.Token).Wait(RemoveTimeout);
            }
        }
        catch (Exception ex) when (ex is AggregateException or DockerApiException or InvalidOperationException or OperationCanceledException or SchemaPlannerException)
        {
            // Best effort, as above.
        }
    }

    /// <summary>Force-removes every container carrying this instance's label (one, or none once it is gone).</summary>
    private async Task RemoveLabelledAsync(CancellationToken cancellationToken)
    {
        using var client = Endpoint().GetDockerClientConfiguration(Guid.NewGuid()).CreateClient();
        var mine = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{InstanceLabel}={instance}"] = true },
                },
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var leftover in mine)
        {
            try
            {
                await client.Containers.RemoveContainerAsync(leftover.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile (Testcontainers' own dispose).
            }
        }
    }
}
