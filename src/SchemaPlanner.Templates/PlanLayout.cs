using SchemaPlanner.Errors;

namespace SchemaPlanner.Templates;

/// <summary>How <c>plan --layout</c> lays the steps out for a runner, beside plan.json and the release folders.</summary>
public enum PlanLayout
{
    /// <summary><c>release-N/&lt;phase&gt;/NNN_what.{up,down}.sql</c> only: for <c>schemaplan apply</c> or psql.</summary>
    Sql,

    /// <summary>Also <c>flyway/V…__what.sql</c> and <c>U…</c> files for Flyway and Evolve (<see cref="FlywayLayout"/>).</summary>
    Flyway,
}

/// <summary>Parses <c>--layout</c>.</summary>
public static class PlanLayouts
{
    public static PlanLayout Parse(string? value) => value switch
    {
        null or "sql" => PlanLayout.Sql,
        "flyway" => PlanLayout.Flyway,
        "dbup" or "efcore" => throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--layout {value} is not supported yet; use sql (the default, run with `schemaplan apply`) or flyway"),
        _ => throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--layout: \"{value}\" is not one of sql|flyway"),
    };
}
