using System.Text.Json;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using SchemaPlanner.Tool.Output;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// A phase longer than the threshold (1 s; here forced to 0 ms through the environment, in a child process so no
/// other test sees it) is named on stderr with its duration; --quiet says nothing; stdout is the same either way.
/// </summary>
public sealed class ProgressLogTests
{
    [Fact]
    public async Task Slow_phases_are_named_on_stderr_and_quiet_or_stdout_are_unaffected()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("CREATE TABLE users (id serial PRIMARY KEY, name text);");
        using var folder = new Cli.Folder(("01_schema.sql", "CREATE TABLE users (id serial PRIMARY KEY, name text, nick text);"));
        string[] args = ["diff", "--database", database.ConnectionString, "--desired", folder.Path, "--dev-database", server.ConnectionString, "--format", "json"];
        var slow = new Dictionary<string, string?> { [ProgressLog.ThresholdVariable] = "0" };

        var reported = Cli.RunProcess(slow, args);
        var quiet = Cli.RunProcess(slow, [.. args, "--quiet"]);
        var normal = Cli.RunProcess(new Dictionary<string, string?>(), args);

        Assert.True(reported.Exit == ExitCodes.Ok, reported.Err);
        Assert.Matches(@"(?m)^schemaplan: reading and comparing the schemas… \(\d+\.\d s\)$", reported.Err);
        Assert.DoesNotContain("reading and comparing", quiet.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("reading and comparing", reported.Out, StringComparison.Ordinal);
        Assert.Equal(normal.Out, reported.Out);
        Assert.Equal(normal.Out, quiet.Out);
        using var json = JsonDocument.Parse(reported.Out);
        Assert.NotEmpty(json.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public void A_phase_under_the_threshold_says_nothing_and_one_over_it_says_how_long()
    {
        using var stderr = new StringWriter();
        new ProgressLog(stderr, quiet: false) { Threshold = TimeSpan.FromHours(1) }.Phase("planning").End();
        Assert.Equal("", stderr.ToString());

        // A phase that throws never ends: nothing stands before its error.
        _ = new ProgressLog(stderr, quiet: false) { Threshold = TimeSpan.Zero }.Phase("reading");
        Assert.Equal("", stderr.ToString());

        new ProgressLog(stderr, quiet: false) { Threshold = TimeSpan.Zero }.Phase("planning").End();

        Assert.Matches(@"^schemaplan: planning… \(\d+\.\d s\)\r?\n$", stderr.ToString());
    }
}
