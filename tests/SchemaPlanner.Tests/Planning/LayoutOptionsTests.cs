using SchemaPlanner.Errors;
using SchemaPlanner.Templates;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary><c>plan --layout</c> and the <c>--efcore-*</c> options: what they default to, and one clear error for each misuse.</summary>
public sealed class LayoutOptionsTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 6, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, PlanLayout.Sql)]
    [InlineData("sql", PlanLayout.Sql)]
    [InlineData("flyway", PlanLayout.Flyway)]
    [InlineData("dbup", PlanLayout.DbUp)]
    public void Layouts_without_options(string? layout, PlanLayout expected) =>
        Assert.Equal(new LayoutOptions(expected), LayoutOptions.Parse(layout, null, null, null, Now));

    [Fact]
    public void Efcore_defaults_the_namespace_and_the_first_timestamp()
    {
        Assert.Equal(new LayoutOptions(PlanLayout.EfCore, "App.Data.AppDb", "App.Data.Migrations", Now), LayoutOptions.Parse("efcore", "App.Data.AppDb", null, null, Now));
        Assert.Equal(
            new LayoutOptions(PlanLayout.EfCore, "App.Data.AppDb", "App.Db", new DateTime(2025, 1, 31, 23, 59, 58, DateTimeKind.Utc)),
            LayoutOptions.Parse("efcore", "App.Data.AppDb", "App.Db", "20250131235958", Now));
    }

    [Theory]
    [InlineData("liquibase", null, null, null, "--layout: \"liquibase\" is not one of sql|flyway|dbup|efcore")]
    [InlineData("efcore", null, null, null, "--layout efcore needs --efcore-context Namespace.Type")]
    [InlineData("efcore", "AppDb", null, null, "\"AppDb\" is not a namespace-qualified C# type name")]
    [InlineData("efcore", "App.Data.AppDb", "App-Data", null, "--efcore-namespace: \"App-Data\" is not a C# namespace")]
    [InlineData("efcore", "App.Data.AppDb", null, "2025-01-31", "--efcore-timestamp: \"2025-01-31\" is not yyyyMMddHHmmss")]
    [InlineData("dbup", "App.Data.AppDb", null, null, "only go with --layout efcore")]
    public void Misuse_is_one_error_saying_what(string layout, string? context, string? ns, string? timestamp, string message)
    {
        var error = Assert.Throws<SchemaPlannerException>(() => LayoutOptions.Parse(layout, context, ns, timestamp, Now));
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
