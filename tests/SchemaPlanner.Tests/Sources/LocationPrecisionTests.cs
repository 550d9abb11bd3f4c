using System.Globalization;
using System.Text;
using Npgsql;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Acceptance;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>
/// Locations stay at least as precise as those of the partial DDL parser they replaced: <c>LocationBaseline.txt</c>
/// was recorded with that parser (every object of every acceptance case's new.sql and every migra fixture's
/// b.sql, as <c>case, object, file(line,col)</c>). Every object it located must now be found in the same file,
/// on the same line and at the same column. Set <c>SCHEMAPLAN_RECORD_LOCATIONS=1</c> to rewrite the baseline.
/// </summary>
public sealed class LocationPrecisionTests
{
    private const string RecordVariable = "SCHEMAPLAN_RECORD_LOCATIONS";

    private static string BaselinePath =>
        Path.Combine(RepositoryPaths.RepositoryRoot(), "tests", "SchemaPlanner.Tests", "Sources", "LocationBaseline.txt");

    [Fact]
    public async Task Every_object_is_located_at_least_as_precisely_as_the_baseline()
    {
        var server = await PostgresServer.GetAsync();
        await EnsureMigraRoleAsync(server);
        await using var scratch = new ScratchServer(server.ConnectionString);
        var lines = new List<string>();
        foreach (var (name, path) in Sources())
        {
            var loaded = await SchemaSources.LoadAsync(path, scratch, CancellationToken.None);
            lines.AddRange(Describe(loaded.Schema.Model, loaded.Locations).Select(o => name + "\t" + o.Key + "\t" + o.Location));
        }

        if (Environment.GetEnvironmentVariable(RecordVariable) == "1")
        {
            await File.WriteAllTextAsync(BaselinePath, string.Join("\n", lines) + "\n");
            return;
        }

        var now = lines.Select(Split).ToDictionary(l => (l.Case, l.Key), l => l.Location);
        var failures = new StringBuilder();
        var compared = 0;
        foreach (var (caseName, key, location) in (await File.ReadAllLinesAsync(BaselinePath)).Where(l => l.Length > 0).Select(Split))
        {
            if (location == "-")
            {
                continue;
            }

            compared++;
            var current = now.GetValueOrDefault((caseName, key), "(not in the model)");
            if (current != location)
            {
                failures.Append(CultureInfo.InvariantCulture, $"{caseName} {key}: was {location}, now {current}\n");
            }
        }

        Assert.True(compared > 500, $"only {compared} located objects in the baseline");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static (string Case, string Key, string Location) Split(string line)
    {
        var parts = line.Split('\t');
        return (parts[0], parts[1], parts[2]);
    }

    private static IEnumerable<(string Name, string Path)> Sources()
    {
        foreach (var name in AcceptanceCase.Names())
        {
            yield return ("acceptance/" + name, AcceptanceCase.Load(name).NewSqlPath);
        }

        foreach (var folder in Directory.GetDirectories(RepositoryPaths.MigraRoot()).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return ("migra/" + Path.GetFileName(folder), Path.Combine(folder, "b.sql"));
        }
    }

    /// <summary>Every object of the model, by the lookup the change locator uses for it; "-" when not found.</summary>
    private static IEnumerable<(string Key, string Location)> Describe(SchemaModel model, DdlLocations locations)
    {
        static string At(SourceLocation? location) =>
            location is null ? "-" : Path.GetFileName(location.File) + "(" + location.Line.ToString(CultureInfo.InvariantCulture) + "," + location.Column.ToString(CultureInfo.InvariantCulture) + ")";

        foreach (var schema in model.Schemas)
        {
            yield return ("schema " + schema.Name, At(locations.Schema(schema.Name)));
        }

        foreach (var extension in model.Extensions)
        {
            yield return ("extension " + extension.Name, At(locations.Extension(extension.Name)));
        }

        foreach (var type in model.Enums.Select(e => e.Name).Concat(model.Domains.Select(d => d.Name)))
        {
            yield return ("type " + type, At(locations.Type(type)));
        }

        foreach (var sequence in model.Sequences)
        {
            yield return ("sequence " + sequence.Name, At(locations.Sequence(sequence.Name)));
        }

        foreach (var table in model.Tables)
        {
            yield return ("table " + table.Name, At(locations.Table(table.Name)));
            foreach (var column in table.Columns)
            {
                yield return ("column " + table.Name + "." + column.Name, At(locations.Column(table.Name, column.Name)));
            }

            foreach (var constraint in table.Constraints)
            {
                yield return ("constraint " + constraint.Name + " on " + table.Name,
                    At(locations.Constraint(table.Name, constraint.Name)));
            }

            foreach (var index in table.Indexes)
            {
                yield return ("index " + table.Name.Schema + "." + index.Name, At(locations.Index(table.Name.Schema, index.Name)));
            }

            foreach (var trigger in table.Triggers)
            {
                yield return ("trigger " + trigger.Name + " on " + table.Name, At(locations.Trigger(table.Name, trigger.Name)));
            }

            foreach (var policy in table.Policies)
            {
                yield return ("policy " + policy.Name + " on " + table.Name, At(locations.Policy(table.Name, policy.Name)));
            }
        }

        foreach (var view in model.Views)
        {
            yield return ("view " + view.Name, At(locations.View(view.Name)));
            foreach (var index in view.Indexes)
            {
                yield return ("index " + view.Name.Schema + "." + index.Name, At(locations.Index(view.Name.Schema, index.Name)));
            }
        }

        foreach (var function in model.Functions)
        {
            yield return ("function " + function.Signature, At(locations.Function(function.Name)));
        }

        foreach (var comment in model.Comments)
        {
            yield return ("comment " + comment.Target, At(locations.Comment(comment.Target)));
        }
    }

    private static async Task EnsureMigraRoleAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "DO $$ BEGIN CREATE ROLE schemainspect_test_role; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
