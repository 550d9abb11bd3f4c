using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

[UnsupportedOSPlatform("windows")]
public sealed class TemporaryClusterTests
{
    [Fact]
    public async Task Started_cluster_accepts_connections_and_dispose_removes_it()
    {
        var cluster = await TemporaryCluster.StartAsync(CancellationToken.None);
        var root = cluster.RootDirectory;
        var port = cluster.Port;
        try
        {
            Assert.True(Directory.Exists(cluster.DataDirectory));
            var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
            Assert.Equal("127.0.0.1", builder.Host);
            Assert.Equal(port, builder.Port);
            Assert.Equal("postgres", builder.Username);
            Assert.Equal("postgres", builder.Database);
            Assert.Null(builder.Password);

            builder.Pooling = false;
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            Assert.StartsWith("PostgreSQL ", await ScalarAsync(connection, "select version()"));
            Assert.Equal("off", await ScalarAsync(connection, "show fsync"));
            Assert.Equal("off", await ScalarAsync(connection, "show full_page_writes"));
            Assert.Equal("off", await ScalarAsync(connection, "show synchronous_commit"));
            Assert.Equal("UTF8", await ScalarAsync(connection, "show server_encoding"));
            Assert.Equal(root, await ScalarAsync(connection, "show unix_socket_directories"));

            // In memory when the machine has a big enough tmpfs at /dev/shm (it has, where the suite runs).
            if (ClusterFolders.MemoryBackedParent() is { } memory)
            {
                Assert.Equal(memory, Path.GetDirectoryName(root));
                Assert.Equal(cluster.DataDirectory, await ScalarAsync(connection, "show data_directory"));
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.False(Directory.Exists(root));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));

        // A second dispose is harmless.
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task The_next_cluster_is_a_copy_of_the_first_ones_template_and_works_the_same()
    {
        var cache = FakeBinaries.CreateFolder();
        try
        {
            var templates = new ClusterTemplates(cache);
            string firstIdentifier;
            await using (var first = await TemporaryCluster.StartAsync(PostgresBinaries.Find(), templates, CancellationToken.None))
            {
                firstIdentifier = await SystemIdentifierAsync(first);
            }

            // Saved pristine: none of the settings the first cluster appended to its postgresql.conf.
            var template = Assert.Single(Directory.GetDirectories(cache));
            Assert.StartsWith("schemaplan-pg-template-", Path.GetFileName(template), StringComparison.Ordinal);
            Assert.DoesNotContain("SchemaPlanner throwaway cluster", File.ReadAllText(Path.Combine(template, "data", "postgresql.conf")), StringComparison.Ordinal);

            await using var second = await TemporaryCluster.StartAsync(PostgresBinaries.Find(), templates, CancellationToken.None);

            // initdb gives every cluster a new system identifier; a copy keeps the template's.
            Assert.Equal(firstIdentifier, await SystemIdentifierAsync(second));
            await using var connection = new NpgsqlConnection(second.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            Assert.Equal("off", await ScalarAsync(connection, "show fsync"));
            Assert.Equal(second.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(connection, "show port"));
            Assert.Equal(second.DataDirectory, await ScalarAsync(connection, "show data_directory"));
            await using var create = new NpgsqlCommand("create table t (id int primary key); insert into t values (1)", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task A_template_the_server_cannot_start_from_is_replaced_by_a_fresh_initdb()
    {
        var cache = FakeBinaries.CreateFolder();
        try
        {
            var templates = new ClusterTemplates(cache);
            string firstIdentifier;
            await using (var first = await TemporaryCluster.StartAsync(PostgresBinaries.Find(), templates, CancellationToken.None))
            {
                firstIdentifier = await SystemIdentifierAsync(first);
            }

            // Damaged the way a temp-file cleaner would: a catalog file gone, the rest still there.
            var data = Path.Combine(Assert.Single(Directory.GetDirectories(cache)), "data");
            Directory.Delete(Path.Combine(data, "global"), recursive: true);
            Directory.CreateDirectory(Path.Combine(data, "global"));
            File.WriteAllText(Path.Combine(data, "global", "pg_control"), "not a control file");

            await using var second = await TemporaryCluster.StartAsync(PostgresBinaries.Find(), templates, CancellationToken.None);

            var secondIdentifier = await SystemIdentifierAsync(second);
            Assert.NotEqual(firstIdentifier, secondIdentifier);

            // The damaged template was replaced by the fresh initdb's, which a third cluster is copied from.
            await using var third = await TemporaryCluster.StartAsync(PostgresBinaries.Find(), templates, CancellationToken.None);
            Assert.Equal(secondIdentifier, await SystemIdentifierAsync(third));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Failed_initdb_is_an_environment_error_and_leaves_no_folder()
    {
        var fakeBin = FakeBinaries.Create(initDbScript: "echo \"initdb exploded: $*\" >&2\nexit 3");
        try
        {
            var binaries = PostgresBinaries.Find(name => name == PostgresBinaries.BinDirectoryVariable ? fakeBin : null);

            var error = await Assert.ThrowsAsync<SchemaPlannerException>(
                () => TemporaryCluster.StartAsync(binaries, CancellationToken.None));

            Assert.Equal(ErrorKind.Environment, error.Kind);
            Assert.Contains("initdb exploded", error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);

            // The fake initdb echoed its arguments, so the message tells where the cluster folder was.
            var dataDirectory = Regex.Match(error.Message, @"-D (\S+)").Groups[1].Value;
            Assert.NotEmpty(dataDirectory);
            Assert.False(Directory.Exists(Path.GetDirectoryName(dataDirectory)));
        }
        finally
        {
            Directory.Delete(fakeBin, recursive: true);
        }
    }

    [Fact]
    public async Task Server_that_fails_to_start_is_an_environment_error_with_the_log_tail()
    {
        // Real initdb and postgres, and a pg_ctl that writes a fatal line to the server log (-l, the 5th argument) and fails.
        var real = PostgresBinaries.Find();
        var fakeBin = FakeBinaries.CreateFolder();
        File.CreateSymbolicLink(Path.Combine(fakeBin, "initdb"), real.InitDb);
        File.CreateSymbolicLink(Path.Combine(fakeBin, "postgres"), real.Postgres);
        FakeBinaries.WriteScript(
            fakeBin,
            "pg_ctl",
            "if [ \"$1\" = start ]; then echo 'FATAL:  could not frobnicate the widget' >> \"$5\"; echo 'pg_ctl: could not start server' >&2; exit 1; fi\nexit 0");
        try
        {
            var binaries = PostgresBinaries.Find(name => name == PostgresBinaries.BinDirectoryVariable ? fakeBin : null);

            var error = await Assert.ThrowsAsync<SchemaPlannerException>(
                () => TemporaryCluster.StartAsync(binaries, CancellationToken.None));

            Assert.Equal(ErrorKind.Environment, error.Kind);
            Assert.StartsWith("the temporary PostgreSQL server failed to start", error.Message, StringComparison.Ordinal);
            Assert.Contains("pg_ctl: could not start server", error.Message, StringComparison.Ordinal);
            Assert.Contains("server log: FATAL:  could not frobnicate the widget", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(fakeBin, recursive: true);
        }
    }

    [Fact]
    public async Task Cancelled_start_throws_operation_cancelled_and_leaves_no_folder()
    {
        var fakeBin = FakeBinaries.Create();

        // The stand-in initdb records its data directory (-D is the first argument) and hangs.
        File.SetUnixFileMode(fakeBin, (UnixFileMode)0b111_111_111);
        var record = Path.Combine(fakeBin, "data-directory");
        FakeBinaries.WriteScript(fakeBin, "initdb", $"echo \"$2\" > '{record}'\nsleep 60");
        try
        {
            var binaries = PostgresBinaries.Find(name => name == PostgresBinaries.BinDirectoryVariable ? fakeBin : null);
            using var source = new CancellationTokenSource();
            var start = TemporaryCluster.StartAsync(binaries, source.Token);
            for (var waited = 0; !File.Exists(record) && waited < 200; waited++)
            {
                await Task.Delay(50);
            }

            await source.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
            var dataDirectory = File.ReadAllText(record).Trim();
            Assert.EndsWith("data", dataDirectory, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.GetDirectoryName(dataDirectory)));
        }
        finally
        {
            Directory.Delete(fakeBin, recursive: true);
        }
    }

    [Fact]
    public async Task Already_cancelled_token_starts_nothing()
    {
        // initdb would fail loudly if it ran.
        var fakeBin = FakeBinaries.Create(initDbScript: "exit 1");
        try
        {
            var binaries = PostgresBinaries.Find(name => name == PostgresBinaries.BinDirectoryVariable ? fakeBin : null);
            using var source = new CancellationTokenSource();
            await source.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TemporaryCluster.StartAsync(binaries, source.Token));
        }
        finally
        {
            Directory.Delete(fakeBin, recursive: true);
        }
    }

    [Fact]
    public async Task Folders_whose_owner_process_is_gone_are_removed()
    {
        var parent = FakeBinaries.CreateFolder();
        try
        {
            var deadOwner = await ExitedProcessIdAsync();
            var stale = Path.Combine(parent, $"schemaplan-pg-{deadOwner}-0a1b2c3d4e5f");
            Directory.CreateDirectory(Path.Combine(stale, "data", "base"));
            File.WriteAllText(Path.Combine(stale, "server.log"), "left behind");
            var ours = Directory.CreateDirectory(Path.Combine(parent, $"schemaplan-pg-{Environment.ProcessId}-0a1b2c3d4e5f")).FullName;
            var unparsable = Directory.CreateDirectory(Path.Combine(parent, "schemaplan-pg-0a1b2c3d4e5f")).FullName;
            var unrelated = Directory.CreateDirectory(Path.Combine(parent, $"other-{deadOwner}-0a1b")).FullName;

            ClusterFolders.RemoveStaleFolders(parent);

            Assert.False(Directory.Exists(stale));
            Assert.True(Directory.Exists(ours));
            Assert.True(Directory.Exists(unparsable));
            Assert.True(Directory.Exists(unrelated));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void A_folder_on_a_disk_or_a_missing_one_is_never_taken_as_memory_backed()
    {
        // The test's own build folder, on the disk the checkout is on (/tmp may be a tmpfs elsewhere).
        var disk = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "not-memory-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            Assert.Null(ClusterFolders.MemoryBackedParent(disk));
            Assert.Null(ClusterFolders.MemoryBackedParent(Path.Combine(disk, "missing")));
        }
        finally
        {
            Directory.Delete(disk, recursive: true);
        }
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static async Task<string> SystemIdentifierAsync(TemporaryCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return (await ScalarAsync(connection, "select system_identifier::text from pg_control_system()"))!;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
