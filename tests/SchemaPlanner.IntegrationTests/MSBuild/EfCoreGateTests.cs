using System.Text.RegularExpressions;
using SchemaPlanner.IntegrationTests.Infrastructure;
using SchemaPlanner.Tests.Cli;
using Xunit;

namespace SchemaPlanner.IntegrationTests.MSBuild;

/// <summary>
/// The build gate in an EF Core app (<see cref="EfCoreAppSource"/> with the packed SchemaPlanner.MSBuild, no
/// SchemaPlannerDesired): <c>dotnet build</c> checks the model against production's schema (a baseline snapshot of
/// a real database), fails at the script dotnet ef wrote under obj/, passes once <c>schemaplan plan</c> covers the
/// change, and skips the check while neither the compiled model nor the baseline changed.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class EfCoreGateTests(PackagesFixture packages)
{
    private const string RenameHint = """{ "hints": [ { "rename": "public.\"Customers\".\"Name\"", "to": "FullName" } ] }""";

    private const string EmailHint = """{ "hints": [ { "column": "public.\"Customers\".\"Email\"", "using": "'unknown@example.com'" } ] }""";

    /// <param name="context">The DbContext that is the app's model (SchemaPlannerContext).</param>
    /// <param name="rule">The hazard the change has.</param>
    /// <param name="column">The column the error's line of the script defines.</param>
    /// <param name="config">schemaplan.json, when the plan needs a hint.</param>
    /// <param name="desired">SchemaPlannerDesired, when set explicitly rather than found from the EF Core reference.</param>
    /// <param name="check">A query on production after the plan is applied that is true when every row kept its values.</param>
    [Theory]
    [InlineData("RenamedDb", "SP2004", "FullName", RenameHint, null, """SELECT bool_and("FullName" = 'C' || "Id") AND count(*) = 20 FROM "Customers" """)]
    [InlineData("TypeChangedDb", "SP2005", "Age", null, "efcore", """SELECT bool_and("Age" = "Id") AND count(*) = 20 FROM "Customers" """)]
    [InlineData("RequiredAddedDb", "SP2001", "Email", EmailHint, null, """SELECT bool_and("Email" = 'unknown@example.com') AND count(*) = 20 FROM "Customers" """)]
    public async Task Unsafe_model_change_fails_the_build_at_the_script_until_a_plan_covers_it(string context, string rule, string column, string? config, string? desired, string check)
    {
        var properties = new Dictionary<string, string>
        {
            ["SchemaPlannerBaseline"] = "db/baseline.json",
            ["SchemaPlannerDevDatabase"] = packages.Server.ConnectionString,
            ["SchemaPlannerContext"] = context,
        };
        if (desired is not null)
        {
            properties["SchemaPlannerDesired"] = desired;
        }

        var app = await GateApp.CreateEfCoreAsync(packages, "efcore-" + context, properties);
        if (config is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(app.Folder, "schemaplan.json"), config);
        }

        await using var production = await packages.Server.CreateDatabaseAsync(
            EfCoreAppSource.BaseDdl + "\nINSERT INTO \"Customers\" (\"Name\", \"Age\") SELECT 'C' || g, g FROM generate_series(1, 20) g;");
        await app.SnapshotBaselineAsync(production.ConnectionString);

        // 1. The unsafe change fails the build, at the script's line for the column, naming the table.
        var failed = await app.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        var script = app.ScriptOf(context);
        var error = Regex.Match(failed.Output, $@"^\s*(?:\d+(?::\d+)?>)?{Regex.Escape(script)}\((?<line>\d+),\d+\): error {rule}: .*public\.""Customers""", RegexOptions.Multiline);
        Assert.True(error.Success, $"no error {rule} at {script} in:\n{failed}");
        Assert.Contains($"\"{column}\"", File.ReadAllLines(script)[int.Parse(error.Groups["line"].Value) - 1], StringComparison.Ordinal);
        Assert.False(File.Exists(app.StampFile), "the stamp is written only when the check passes");

        // 2. schemaplan plan of the model (its own build runs with the gate off), then the build passes with the hazard as a warning.
        var plan = await app.SchemaplanAsync(
            "plan", "--database", app.Baseline, "--desired", app.Project, "--context", context,
            "--dev-database", packages.Server.ConnectionString, "--out", Path.Combine(app.MigrationsFolder, "0001_" + context), "--no-rehearse");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        var covered = await app.BuildAsync();

        Assert.True(covered.ExitCode == 0, covered.ToString());
        Assert.Contains($"{script}(", covered.Output, StringComparison.Ordinal);
        Assert.Contains($"warning {rule}: ", covered.Output, StringComparison.Ordinal);
        Assert.Contains("(covered by a plan)", covered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", covered.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(app.StampFile), covered.ToString());

        // 3. Nothing changed: the check is skipped.
        var again = await app.BuildAsync();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Skipping target \"_SchemaPlannerRun\" because all output files are up-to-date", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("schemaplan.dll check", again.Output, StringComparison.Ordinal);

        // 4. The plan applied to production turns it into the model, rows kept.
        var apply = await app.SchemaplanAsync("apply", "--database", production.ConnectionString, "--plan", Path.Combine(app.MigrationsFolder, "0001_" + context), "--to", "end");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        // Without the hints: they name the change the plan made, which is no longer a difference.
        var noHints = Path.Combine(app.Folder, "obj", "no-hints.json");
        await File.WriteAllTextAsync(noHints, "{}");
        var same = await app.SchemaplanAsync(
            "check", "--database", production.ConnectionString, "--desired", app.Project, "--context", context,
            "--config", noHints, "--dev-database", packages.Server.ConnectionString, "--fail-on", "any");
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(File.Exists(app.StampFile), "schemaplan's own build of the project (gate off) keeps the stamp of the last passing check");
        Assert.True(await production.QueryScalarAsync<bool>(check));
    }

    [Fact]
    public async Task Editing_the_model_runs_the_check_again()
    {
        var app = await GateApp.CreateEfCoreAsync(packages, "efcore-edit", new Dictionary<string, string>
        {
            ["SchemaPlannerBaseline"] = "db/baseline.json",
            ["SchemaPlannerDevDatabase"] = packages.Server.ConnectionString,
            ["SchemaPlannerContext"] = "BaseDb",
        });
        await using var production = await packages.Server.CreateDatabaseAsync(EfCoreAppSource.BaseDdl);
        await app.SnapshotBaselineAsync(production.ConnectionString);

        var unchanged = await app.BuildAsync();

        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("schemaplan.dll check", unchanged.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(app.StampFile), unchanged.ToString());

        // The property's type changes in the C# source only: the recompiled assembly is the changed input.
        await MakeBaseAgeLongAsync(app);

        var edited = await app.BuildAsync();

        Assert.NotEqual(0, edited.ExitCode);
        Assert.Contains($"{app.ScriptOf("BaseDb")}(", edited.Output, StringComparison.Ordinal);
        Assert.Contains("error SP2005: ", edited.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_in_a_class_library_is_checked_by_the_app_that_starts_it()
    {
        var app = await GateApp.CreateEfCoreAsync(packages, "efcore-library", new Dictionary<string, string>
        {
            ["SchemaPlannerBaseline"] = "db/baseline.json",
            ["SchemaPlannerDevDatabase"] = packages.Server.ConnectionString,
            ["SchemaPlannerContext"] = "BaseDb",
            ["SchemaPlannerModelProject"] = "Data/Data.csproj",
        }, modelLibrary: true);
        await using var production = await packages.Server.CreateDatabaseAsync(EfCoreAppSource.BaseDdl);
        await app.SnapshotBaselineAsync(production.ConnectionString);

        // 1. The library's model is scripted through the app (dotnet ef --project Data --startup-project App) and matches.
        var unchanged = await app.BuildAsync();

        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("schemaplan.dll check", unchanged.Output, StringComparison.Ordinal);
        Assert.Contains("--startup-project", unchanged.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(app.ScriptOf("BaseDb")), unchanged.ToString());
        Assert.True(File.Exists(app.StampFile), unchanged.ToString());

        // 2. Nothing changed: skipped.
        var again = await app.BuildAsync();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Skipping target \"_SchemaPlannerRun\" because all output files are up-to-date", again.Output, StringComparison.Ordinal);

        // 3. Only the library's source changes: its rebuilt assembly is the changed input, and the error points at its script.
        await MakeBaseAgeLongAsync(app);

        var edited = await app.BuildAsync();

        Assert.NotEqual(0, edited.ExitCode);
        var error = Regex.Match(edited.Output, $@"^\s*(?:\d+(?::\d+)?>)?{Regex.Escape(app.ScriptOf("BaseDb"))}\((?<line>\d+),\d+\): error SP2005: ", RegexOptions.Multiline);
        Assert.True(error.Success, edited.ToString());
        Assert.Contains("\"Age\"", File.ReadAllLines(app.ScriptOf("BaseDb"))[int.Parse(error.Groups["line"].Value) - 1], StringComparison.Ordinal);
    }

    /// <summary>BaseDb's Customer.Age becomes a long in the model's C# source (SP2005 against the baseline).</summary>
    private static async Task MakeBaseAgeLongAsync(GateApp app)
    {
        var model = await File.ReadAllTextAsync(app.ModelFile);
        const string baseCustomer = "namespace App.Base { public sealed class Customer { public int Id { get; set; } public string Name { get; set; } = \"\"; public int Age";
        Assert.Contains(baseCustomer, model, StringComparison.Ordinal);
        await File.WriteAllTextAsync(app.ModelFile, model.Replace(baseCustomer, baseCustomer.Replace("public int Age", "public long Age", StringComparison.Ordinal), StringComparison.Ordinal));
    }
}
