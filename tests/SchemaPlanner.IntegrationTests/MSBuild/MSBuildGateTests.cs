using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaPlanner.IntegrationTests.Infrastructure;
using SchemaPlanner.Snapshots;
using Xunit;

namespace SchemaPlanner.IntegrationTests.MSBuild;

/// <summary>
/// The build gate as an app meets it: <c>dotnet build</c> of a class library that references the packed
/// SchemaPlanner.MSBuild, with desired DDL in db/schema/ and production's schema in a baseline snapshot.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class MSBuildGateTests(PackagesFixture packages)
{
    private const string CurrentSchema = """
        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            nickname text
        );
        """;

    // Line 5: the column whose change is unsafe.
    private const string SetNotNull = """
        -- Accounts of the application.
        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            nickname text NOT NULL
        );
        """;

    // Line 3: the table a dropped column is reported at.
    private const string DropColumn = """
        -- Accounts of the application.

        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL
        );
        """;

    private const string AddNullableColumn = """
        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            nickname text,
            bio text
        );
        """;

    [Theory]
    [InlineData(SetNotNull, 5, "SP2008", true)]
    [InlineData(DropColumn, 3, "SP2003", false)]
    public async Task Unsafe_change_without_a_plan_fails_at_the_desired_file_and_line(string desired, int line, string rule, bool useDevDatabase)
    {
        // Without SchemaPlannerDevDatabase the CLI applies the DDL in a throwaway cluster from the local binaries.
        var app = await CreateAppAsync(useDevDatabase);
        var file = app.WriteDesired("01_accounts.sql", desired);

        var build = await app.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        AssertHasLine($@"{Regex.Escape(file)}\({line},\d+\): error {rule}: ", build);
        Assert.False(File.Exists(app.StampFile), "the stamp is written only when the check passes");
    }

    [Fact]
    public async Task Safe_change_passes()
    {
        var app = await CreateAppAsync();
        app.WriteDesired("01_accounts.sql", AddNullableColumn);

        var build = await app.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(": error ", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(app.StampFile), build.ToString());
    }

    [Fact]
    public async Task Unsafe_change_covered_by_a_plan_passes_and_fails_again_when_the_plan_is_removed()
    {
        var app = await CreateAppAsync();
        app.WriteDesired("01_accounts.sql", SetNotNull);
        var planFolder = Path.Combine(app.MigrationsFolder, "0001_accounts_nickname");
        Directory.CreateDirectory(planFolder);
        await File.WriteAllTextAsync(Path.Combine(planFolder, "plan.json"), await HandWrittenPlanJsonAsync(app));

        var covered = await app.BuildAsync();

        Assert.True(covered.ExitCode == 0, covered.ToString());
        Assert.Contains("warning SP2008", covered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", covered.Output, StringComparison.Ordinal);

        // A deleted plan changes no timestamp of the remaining inputs; the check must still run again.
        Directory.Delete(planFolder, recursive: true);
        var uncovered = await app.BuildAsync();

        Assert.NotEqual(0, uncovered.ExitCode);
        Assert.Contains("error SP2008", uncovered.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// PLAN COMMAND: the real workflow, `schemaplan plan --out db/migrations/x --no-rehearse` and then a passing build.
    /// Needs the `plan` command of the CLI.
    /// </summary>
    [Fact]
    public async Task Plan_written_by_schemaplan_plan_makes_the_build_pass()
    {
        var app = await CreateAppAsync();
        app.WriteDesired("01_accounts.sql", SetNotNull);
        Assert.NotEqual(0, (await app.BuildAsync()).ExitCode);

        var plan = await packages.SchemaplanAsync(
            app.Folder,
            "plan",
            "--database", app.Baseline,
            "--desired", app.SchemaFolder,
            "--dev-database", packages.Server.ConnectionString,
            "--out", Path.Combine(app.MigrationsFolder, "0001_accounts_nickname"),
            "--no-rehearse");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        var build = await app.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning SP2008", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_build_with_nothing_changed_skips_the_check()
    {
        var app = await CreateAppAsync();
        app.WriteDesired("01_accounts.sql", AddNullableColumn);
        var first = await app.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("schemaplan.dll check", first.Output, StringComparison.Ordinal);
        var stamped = File.GetLastWriteTimeUtc(app.StampFile);

        var second = await app.BuildAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_SchemaPlannerRun\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("schemaplan.dll check", second.Output, StringComparison.Ordinal);
        Assert.Equal(stamped, File.GetLastWriteTimeUtc(app.StampFile));

        // Any change of the desired DDL runs the check again.
        app.WriteDesired("01_accounts.sql", SetNotNull);
        var third = await app.BuildAsync();

        Assert.NotEqual(0, third.ExitCode);
        Assert.Contains("error SP2008", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_connection_string_gives_one_clear_error_without_the_password()
    {
        const string password = "Sup3rSecret-pw";
        var app = GateApp.Create(packages, "bad-connection", new Dictionary<string, string>
        {
            ["SchemaPlannerDatabase"] = $"Host=127.0.0.1;Port=1;Username=gate;Password={password};Timeout=5",
            ["SchemaPlannerDevDatabase"] = packages.Server.ConnectionString,
        });
        app.WriteDesired("01_accounts.sql", SetNotNull);

        var build = await app.BuildAsync("-v:d");

        Assert.NotEqual(0, build.ExitCode);
        var errors = build.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(WithoutProjectSuffix).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("error SP0001: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_in_the_desired_DDL_is_reported_at_its_file_and_line()
    {
        var app = await CreateAppAsync();
        var file = app.WriteDesired("01_accounts.sql", """
            CREATE TABLE public.accounts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email txet NOT NULL,
                nickname text
            );
            """);

        var build = await app.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        AssertHasLine($@"{Regex.Escape(file)}\(3,\d+\): error SP0001: .*txet", build);
    }

    [Fact]
    public async Task Without_a_database_or_baseline_one_warning_and_the_build_passes()
    {
        var app = GateApp.Create(packages, "no-source", new Dictionary<string, string>());
        app.WriteDesired("01_accounts.sql", SetNotNull);

        var build = await app.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        var warnings = build.Lines.Where(l => l.Contains(": warning SP", StringComparison.Ordinal)).Select(WithoutProjectSuffix).Distinct().ToList();
        Assert.Contains("warning SP0002: ", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_database_or_baseline_the_build_fails_when_the_check_is_required()
    {
        var app = GateApp.Create(packages, "no-source-required", new Dictionary<string, string> { ["SchemaPlannerRequired"] = "true" });
        app.WriteDesired("01_accounts.sql", SetNotNull);

        var build = await app.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SP0002: ", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_gate_does_not_run()
    {
        var app = await CreateAppAsync(extra: new Dictionary<string, string> { ["SchemaPlannerEnabled"] = "false" });
        app.WriteDesired("01_accounts.sql", SetNotNull);

        var build = await app.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("schemaplan.dll check", build.Output, StringComparison.Ordinal);
    }

    /// <summary>An app whose baseline is a snapshot of a real database holding <see cref="CurrentSchema"/>.</summary>
    private async Task<GateApp> CreateAppAsync(bool useDevDatabase = true, IReadOnlyDictionary<string, string>? extra = null)
    {
        var properties = new Dictionary<string, string> { ["SchemaPlannerBaseline"] = "db/baseline.json" };
        if (useDevDatabase)
        {
            properties["SchemaPlannerDevDatabase"] = packages.Server.ConnectionString;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            properties[name] = value;
        }

        var app = GateApp.Create(packages, "gate", properties);
        await using var production = await packages.Server.CreateDatabaseAsync(CurrentSchema);
        await app.SnapshotBaselineAsync(production.ConnectionString);
        return app;
    }

    /// <summary>
    /// A plan.json with just the fingerprints `check --migrations` looks at, from the baseline to the desired DDL as
    /// the CLI reads them, for tests that must not depend on the planner.
    /// </summary>
    private async Task<string> HandWrittenPlanJsonAsync(GateApp app)
    {
        var desiredSnapshot = Path.Combine(app.Folder, "obj", "desired.json");
        Directory.CreateDirectory(Path.GetDirectoryName(desiredSnapshot)!);
        var snapshot = await packages.SchemaplanAsync(
            app.Folder, "snapshot", "--database", app.SchemaFolder, "--dev-database", packages.Server.ConnectionString, "--out", desiredSnapshot);
        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());

        var from = SchemaFingerprint.Of(SnapshotSerializer.Deserialize(await File.ReadAllTextAsync(app.Baseline), app.Baseline).Model);
        var to = SchemaFingerprint.Of(SnapshotSerializer.Deserialize(await File.ReadAllTextAsync(desiredSnapshot), desiredSnapshot).Model);
        return JsonSerializer.Serialize(new { fingerprints = new { from, to } });
    }

    /// <summary>A diagnostic at the start of a line, after MSBuild's optional "  1>" node prefix.</summary>
    private static void AssertHasLine(string pattern, ProcessResult build) =>
        Assert.True(Regex.IsMatch(build.Output, @"^\s*(?:\d+(?::\d+)?>)?" + pattern, RegexOptions.Multiline), $"no line matches /{pattern}/ in:\n{build}");

    /// <summary>
    /// MSBuild prefixes diagnostics with a node number ("1>", "1:7>"), appends " [/path/GateApp.csproj]" and repeats them in
    /// its summary; this is the diagnostic alone.
    /// </summary>
    private static string WithoutProjectSuffix(string line) => Regex.Replace(line, @"^\d+(?::\d+)?>|\s+\[[^\]]+\.csproj\]$", "");
}
