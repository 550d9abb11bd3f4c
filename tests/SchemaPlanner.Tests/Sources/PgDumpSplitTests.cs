using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Acceptance;
using SchemaPlanner.Tests.Acceptance.PgSchemaDiff;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Sources;

/// <summary>
/// What <c>pg_dump --schema-only</c> writes splits into statements PostgreSQL accepts one at a time, and they
/// rebuild the schema: for every conformance schema (migra's a.sql/b.sql, pg-schema-diff's old.sql/new.sql) and a
/// schema of SQL-standard bodies, dump it, run each split statement alone on one session of a fresh database,
/// dump that again and require the same text.
/// </summary>
public sealed class PgDumpSplitTests(ITestOutputHelper output)
{
    /// <summary>
    /// SQL-standard bodies (<c>BEGIN ATOMIC</c> with <c>CASE ... END</c>, <c>RETURN</c>), names that are keywords
    /// psql's own splitter trips over (a function and columns named <c>begin</c>), nested dollar quotes,
    /// <c>E''</c> and <c>U&amp;''</c> strings and comments holding semicolons.
    /// </summary>
    internal const string RoutineSchema = """
        CREATE TABLE public.slots (id int PRIMARY KEY, begin int, "end" int, label text DEFAULT E'a\\b;\'c' CHECK (label <> U&'d\0061t;'));
        COMMENT ON TABLE public.slots IS 'a; /* b */ -- c';
        CREATE FUNCTION public.clamp(a int, lo int, hi int) RETURNS int LANGUAGE sql IMMUTABLE
        BEGIN ATOMIC
          SELECT CASE WHEN a < lo THEN lo WHEN a > hi THEN hi ELSE CASE WHEN a IS NULL THEN lo ELSE a END END;
        END;
        CREATE FUNCTION public.begin() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
        CREATE FUNCTION public.width(s public.slots) RETURNS int LANGUAGE sql RETURN CASE WHEN s."end" > s.begin THEN s."end" - s.begin ELSE 0 END;
        CREATE FUNCTION public.spans() RETURNS SETOF int LANGUAGE sql STABLE
        BEGIN ATOMIC
          SELECT s.begin FROM public.slots s WHERE s.label <> 'end;';
          SELECT (CASE WHEN count(*) > 0 THEN 1 END)::int FROM public.slots;
        END;
        CREATE PROCEDURE public.add_slot(i int, b int) LANGUAGE sql
        BEGIN ATOMIC
          INSERT INTO public.slots (id, begin, "end") VALUES (i, b, public.clamp(b + 1, 0, 100));
          UPDATE public.slots SET label = CASE WHEN id = i THEN 'new; /*' ELSE label END;
        END;
        CREATE FUNCTION public.nested() RETURNS text LANGUAGE plpgsql AS $a$
        BEGIN
          EXECUTE $b$ SELECT 'x; $a' $b$;
          RETURN $c$ ; $c$;
        END;
        $a$;
        CREATE VIEW public.widths AS SELECT id, public.width(s) AS w FROM public.slots s;
        """;

    private const int Parallelism = 4;

    /// <summary>pg_dump beside the server binaries the tests use (following a symlinked <c>initdb</c> to its folder).</summary>
    private static readonly Lazy<string> PgDump = new(() =>
    {
        var initDb = PostgresBinaries.Find().InitDb;
        var real = new FileInfo(initDb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initDb;
        return Path.Combine(Path.GetDirectoryName(real)!, "pg_dump");
    });

    [Fact]
    public async Task Pg_dump_of_every_conformance_schema_splits_into_statements_that_rebuild_it()
    {
        var server = await PostgresServer.GetAsync();
        await server.EnsureRolesAsync([.. PgSchemaDiffConformanceTests.CaseRoles, MigraPlanConformanceTests.TestRole]);
        var schemas = ConformanceSchemas().Append((Name: "routines.sql", Sql: RoutineSchema))
            .GroupBy(s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.Sql))), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();

        var failures = new ConcurrentBag<string>();
        var notLoading = new ConcurrentBag<string>();
        var statements = 0;
        var rebuilt = 0;
        await Parallel.ForEachAsync(schemas, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (schema, _) =>
        {
            await using var source = schema.Sql == RoutineSchema ? await CreateRoutinesAsync(server) : await TryCreateAsync(server, schema.Sql);
            if (source is null)
            {
                notLoading.Add(schema.Name);
                return;
            }

            var dump = await PgDumpAsync(source.ConnectionString);
            var split = SqlScript.Split(schema.Name + ".dump", dump);
            Interlocked.Add(ref statements, split.Count);
            await using var target = await server.CreateDatabaseAsync();
            var failure = await ApplyOneByOneAsync(target.ConnectionString, split)
                ?? FirstDifference(dump, await PgDumpAsync(target.ConnectionString));
            if (failure is null)
            {
                Interlocked.Increment(ref rebuilt);
            }
            else
            {
                failures.Add($"{schema.Name}: {failure}");
            }
        });

        output.WriteLine($"{rebuilt} of {schemas.Count - notLoading.Count} dumps rebuilt ({statements} statements), {notLoading.Count} schemas do not load on this server");
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Order(StringComparer.Ordinal)));
        Assert.Contains("routines.sql", schemas.Select(s => s.Name).Except(notLoading));
        Assert.True(rebuilt > 300, $"only {rebuilt} schemas rebuilt");
    }

    [Fact]
    public async Task Pg_dump_output_with_sql_standard_bodies_loads_as_the_desired_schema()
    {
        var server = await PostgresServer.GetAsync();
        await using var source = await CreateRoutinesAsync(server);
        var dumpFile = Path.Combine(Path.GetTempPath(), "schemaplan-dump-" + Guid.NewGuid().ToString("N") + ".sql");
        await File.WriteAllTextAsync(dumpFile, await PgDumpAsync(source.ConnectionString));
        try
        {
            await using var scratch = new ScratchServer(server.ConnectionString);
            var loaded = await SchemaSources.LoadAsync(dumpFile, scratch, CancellationToken.None);
            var live = await SchemaReader.ReadAsync(source.ConnectionString, CancellationToken.None);

            Assert.Empty(SchemaDiffer.Diff(live.Model, loaded.Schema.Model).Changes);
            Assert.Contains(loaded.Statements, s => s.Text.Contains("BEGIN ATOMIC", StringComparison.Ordinal) && s.Text.Contains("CASE", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(dumpFile);
        }
    }

    private static IEnumerable<(string Name, string Sql)> ConformanceSchemas()
    {
        foreach (var (root, files) in new[] { (RepositoryPaths.MigraRoot(), new[] { "a.sql", "b.sql" }), (RepositoryPaths.PgSchemaDiffRoot(), ["old.sql", "new.sql"]) })
        {
            foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                foreach (var file in files.Select(f => Path.Combine(folder, f)).Where(File.Exists))
                {
                    yield return (Path.GetRelativePath(Path.GetDirectoryName(root)!, file), File.ReadAllText(file));
                }
            }
        }
    }

    /// <summary>
    /// Npgsql splits a command's text at every semicolon it sees outside quotes, <c>BEGIN ATOMIC</c> bodies included,
    /// so the routine schema goes in the way desired SQL files do: split by <see cref="SqlScript"/>.
    /// </summary>
    private static async Task<TestDatabase> CreateRoutinesAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();
        await SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("routines.sql", RoutineSchema), CancellationToken.None);
        return database;
    }

    private static async Task<TestDatabase?> TryCreateAsync(PostgresServer server, string sql)
    {
        try
        {
            return await server.CreateDatabaseAsync(string.IsNullOrWhiteSpace(sql) ? null : sql);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    /// <summary>
    /// Each statement alone, in order, on one session (the dump's <c>SET</c>s hold for the rest, as in psql), sent
    /// the way the tool sends one (<see cref="SingleStatement"/>).
    /// </summary>
    private static async Task<string?> ApplyOneByOneAsync(string connectionString, IReadOnlyList<SqlStatement> statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            try
            {
                await SingleStatement.ExecuteAsync(connection, statement.Text, CancellationToken.None);
            }
            catch (PostgresException ex)
            {
                var head = statement.Text.Length > 120 ? statement.Text[..120] + "…" : statement.Text;
                return $"{statement.Location}: {ex.SqlState}: {ex.MessageText} in: {head}";
            }
        }

        return null;
    }

    /// <summary>Null when both dumps are the same but for their random <c>\restrict</c> keys, else the first line that differs.</summary>
    private static string? FirstDifference(string expected, string actual)
    {
        static string[] Lines(string dump) => dump.ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal))
            .ToArray();

        var (left, right) = (Lines(expected), Lines(actual));
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var (l, r) = (i < left.Length ? left[i] : "<end>", i < right.Length ? right[i] : "<end>");
            if (!string.Equals(l, r, StringComparison.Ordinal))
            {
                return $"the rebuilt database dumps differently at line {i + 1}: expected `{l}`, got `{r}`";
            }
        }

        return null;
    }

    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--schema-only", "--no-password", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start pg_dump");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await stderr}");
    }
}
