using System.Runtime.Versioning;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

[UnsupportedOSPlatform("windows")]
public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string scratch = FakeBinaries.CreateFolder();

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Explicit_folder_without_the_programs_is_an_environment_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "empty")).FullName;

        var error = Assert.Throws<SchemaPlannerException>(() => PostgresBinaries.Find(Environment(pgBin: empty)));

        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Contains(PostgresBinaries.BinDirectoryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.Contains("initdb, pg_ctl, postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_folder_wins_over_path()
    {
        var onPath = FakeBinaries.Create();
        var explicitFolder = FakeBinaries.Create();
        try
        {
            var found = PostgresBinaries.Find(Environment(pgBin: explicitFolder, path: onPath));

            Assert.Equal(explicitFolder, found.BinDirectory);
            Assert.Equal(Path.Combine(explicitFolder, "initdb"), found.InitDb);
            Assert.Equal(Path.Combine(explicitFolder, "pg_ctl"), found.PgCtl);
            Assert.Equal(Path.Combine(explicitFolder, "postgres"), found.Postgres);
        }
        finally
        {
            Directory.Delete(onPath, recursive: true);
            Directory.Delete(explicitFolder, recursive: true);
        }
    }

    [Fact]
    public void Path_needs_all_three_programs_in_one_folder()
    {
        var partial = Path.Combine(scratch, "partial");
        FakeBinaries.WriteScript(partial, "pg_ctl", "exit 0");
        FakeBinaries.WriteScript(partial, "initdb", "exit 0");
        var complete = Path.Combine(scratch, "complete");
        FakeBinaries.WriteScript(complete, "pg_ctl", "exit 0");
        FakeBinaries.WriteScript(complete, "initdb", "exit 0");
        FakeBinaries.WriteScript(complete, "postgres", "exit 0");

        var found = PostgresBinaries.Find(
            Environment(path: string.Join(Path.PathSeparator, partial, complete)),
            Path.Combine(scratch, "no-install-root"));

        Assert.Equal(complete, found.BinDirectory);
    }

    [Fact]
    public void Install_root_prefers_the_highest_complete_major_version()
    {
        var root = Path.Combine(scratch, "postgresql");
        foreach (var version in new[] { "9.6", "12", "10" })
        {
            FakeBinaries.WriteScript(Path.Combine(root, version, "bin"), "initdb", "exit 0");
            FakeBinaries.WriteScript(Path.Combine(root, version, "bin"), "pg_ctl", "exit 0");
            FakeBinaries.WriteScript(Path.Combine(root, version, "bin"), "postgres", "exit 0");
        }

        // 13 is incomplete and 14 has a postgres that cannot be executed: neither counts.
        FakeBinaries.WriteScript(Path.Combine(root, "13", "bin"), "initdb", "exit 0");
        FakeBinaries.WriteScript(Path.Combine(root, "13", "bin"), "pg_ctl", "exit 0");
        FakeBinaries.WriteScript(Path.Combine(root, "14", "bin"), "initdb", "exit 0");
        FakeBinaries.WriteScript(Path.Combine(root, "14", "bin"), "pg_ctl", "exit 0");
        FakeBinaries.WriteScript(Path.Combine(root, "14", "bin"), "postgres", "exit 0", executable: false);

        var found = PostgresBinaries.Find(Environment(), root);

        Assert.Equal(Path.Combine(root, "12", "bin"), found.BinDirectory);
    }

    [Fact]
    public void Nothing_found_says_what_to_do()
    {
        var error = Assert.Throws<SchemaPlannerException>(
            () => PostgresBinaries.Find(Environment(path: scratch), Path.Combine(scratch, "no-install-root")));

        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresBinaries.BinDirectoryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("--dev-database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static Func<string, string?> Environment(string? pgBin = null, string? path = null) =>
        name => name switch
        {
            PostgresBinaries.BinDirectoryVariable => pgBin,
            "PATH" => path,
            _ => null,
        };
}
