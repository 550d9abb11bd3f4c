namespace SchemaPlanner.Templates;

/// <summary>How <c>plan --layout</c> lays the steps out for a runner, beside plan.json and the release folders.</summary>
public enum PlanLayout
{
    /// <summary><c>release-N/&lt;phase&gt;/NNN_what.{up,down}.sql</c> only: for <c>schemaplan apply</c> or psql.</summary>
    Sql,

    /// <summary>Also <c>flyway/V…__what.sql</c> and <c>U…</c> files for Flyway and Evolve (<see cref="FlywayLayout"/>).</summary>
    Flyway,

    /// <summary>Also <c>dbup/&lt;release&gt;_&lt;phase&gt;_&lt;nnn&gt;_what.sql</c> scripts for DbUp (<see cref="DbUpLayout"/>).</summary>
    DbUp,

    /// <summary>Also <c>efcore/*.cs</c> migration classes for <c>dotnet ef database update</c> (<see cref="EfCoreLayout"/>).</summary>
    EfCore,
}
