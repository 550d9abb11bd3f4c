namespace SchemaPlanner.MSBuild.Internal;

/// <summary>The CLI's documented exit codes, described for a build log.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unsafe = 1;

    public static string Describe(int exitCode) => exitCode switch
    {
        Ok => "ok",
        Unsafe => "changes to fail on without a covering plan",
        2 => "invalid input",
        3 => "cannot connect to the database",
        4 => "login failed",
        5 => "error in the desired DDL files",
        6 => "environment: no server for a scratch database (install PostgreSQL, set SchemaPlannerDevDatabase, or run a Docker engine)",
        7 => "planning failed",
        70 => "internal error in schemaplan",
        130 => "cancelled",
        _ => "unexpected exit code",
    };
}
