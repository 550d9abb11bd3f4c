using System.Globalization;
using System.Text.RegularExpressions;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Templates;

/// <summary>
/// <c>plan --layout</c> and what the efcore layout needs: the DbContext the migrations belong to
/// (<c>--efcore-context Namespace.Type</c>), their namespace (<c>--efcore-namespace</c>, by default the context's
/// namespace + <c>.Migrations</c>) and the timestamp of the first migration id (<c>--efcore-timestamp</c>; the
/// CLI passes the planning time when it is not given, as <c>dotnet ef migrations add</c> would).
/// </summary>
public sealed partial record LayoutOptions(PlanLayout Layout, string? EfCoreContext = null, string? EfCoreNamespace = null, DateTime? EfCoreTimestamp = null)
{
    public static LayoutOptions Sql { get; } = new(PlanLayout.Sql);

    /// <summary>Parses the options; <paramref name="now"/> is the default first timestamp of the efcore layout.</summary>
    public static LayoutOptions Parse(string? layout, string? context, string? ns, string? timestamp, DateTime now)
    {
        var parsed = layout switch
        {
            null or "sql" => PlanLayout.Sql,
            "flyway" => PlanLayout.Flyway,
            "dbup" => PlanLayout.DbUp,
            "efcore" => PlanLayout.EfCore,
            _ => throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--layout: \"{layout}\" is not one of sql|flyway|dbup|efcore"),
        };
        if (parsed != PlanLayout.EfCore)
        {
            if ((context ?? ns ?? timestamp) is not null)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, "--efcore-context, --efcore-namespace and --efcore-timestamp only go with --layout efcore");
            }

            return new LayoutOptions(parsed);
        }

        if (context is null || !TypeName().IsMatch(context) || !context.Contains('.', StringComparison.Ordinal))
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"--layout efcore needs --efcore-context Namespace.Type, the DbContext the migrations are for (e.g. --efcore-context MyApp.Data.AppDb){(context is null ? "" : $"; \"{context}\" is not a namespace-qualified C# type name")}");
        }

        if (ns is not null && !TypeName().IsMatch(ns))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--efcore-namespace: \"{ns}\" is not a C# namespace");
        }

        DateTime start = now;
        if (timestamp is not null && !DateTime.TryParseExact(timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out start))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--efcore-timestamp: \"{timestamp}\" is not yyyyMMddHHmmss (e.g. 20260101120000)");
        }

        return new LayoutOptions(PlanLayout.EfCore, context, ns ?? context[..context.LastIndexOf('.')] + ".Migrations", start);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
