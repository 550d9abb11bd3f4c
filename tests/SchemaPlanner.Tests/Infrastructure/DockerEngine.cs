using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using SchemaPlanner.Sources;
using Xunit;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>
/// A test that needs a Docker engine and the test image (<see cref="PostgresServer.DockerImage"/>). Without them it
/// is reported as skipped with the reason, decided at discovery, never as passed; with
/// <c>SCHEMAPLAN_TEST_DOCKER=1</c> it always runs, so a missing engine or image fails it instead (CI).
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        Skip = DockerEngine.SkipReason.Value;
    }
}

/// <summary>The Docker engine the container-backed tests talk to, and the scratch containers it runs for this process.</summary>
public static class DockerEngine
{
    public const string Category = "Docker";

    /// <summary>Why container-backed tests cannot run here, or null when they can (or must: SCHEMAPLAN_TEST_DOCKER=1).</summary>
    public static readonly Lazy<string?> SkipReason = new(FindSkipReason, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Ids of the containers labelled as this process's scratch containers, running or not.</summary>
    public static async Task<IReadOnlySet<string>> ScratchContainersAsync()
    {
        using var client = Client();
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ScratchContainer.Label}={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"] = true },
            },
        });
        return containers.Select(c => c.ID).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the engine still has a container with id <paramref name="id"/>.</summary>
    public static async Task<bool> ExistsAsync(string id)
    {
        using var client = Client();
        try
        {
            await client.Containers.InspectContainerAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    private static DockerClient Client() =>
        (TestcontainersSettings.OS.DockerEndpointAuthConfig ?? throw new InvalidOperationException("no Docker engine answers"))
        .GetDockerClientConfiguration(Guid.NewGuid())
        .CreateClient();

    private static string? FindSkipReason()
    {
        if (PostgresServer.DockerRequested)
        {
            return null;
        }

        if (!ScratchContainer.EngineAnswers())
        {
            return $"no Docker engine answers (start dockerd or set DOCKER_HOST; {PostgresServer.DockerVariable}=1 makes this a failure instead of a skip)";
        }

        var image = PostgresServer.DockerImage;
        return ScratchContainer.ImageExistsAsync(image, CancellationToken.None).GetAwaiter().GetResult()
            ? null
            : $"the Docker image {image} is not on the engine (build it with scripts/build-postgres-image.sh, or set {PostgresServer.DockerImageVariable})";
    }
}
