using System.Security.Cryptography;

namespace SchemaPlanner.IntegrationTests.Infrastructure;

/// <summary>A folder under the system temp folder, removed on dispose unless SCHEMAPLAN_KEEP_TEST_FILES is set.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public const string KeepVariable = "SCHEMAPLAN_KEEP_TEST_FILES";

    public TemporaryFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepVariable)) && Directory.Exists(Path))
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A process that outlived its test may still hold a file; the temp folder is cleaned eventually.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
