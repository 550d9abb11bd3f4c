namespace SchemaPlanner.MSBuild.Internal;

/// <summary>
/// Diagnostic codes of the build gate itself (docs/msbuild.md, "What the errors mean"); rule codes (SP1xxx, SP2xxx)
/// come from the CLI unchanged.
/// </summary>
internal static class TaskCodes
{
    /// <summary>schemaplan could not do the check: bad input, no connection, login failed, DDL error, no PostgreSQL binaries, …</summary>
    public const string CliFailed = "SP0001";

    /// <summary>Nothing to compare the desired schema with: no database, no baseline (warning unless SchemaPlannerRequired).</summary>
    public const string NoCurrentSchema = "SP0002";

    /// <summary>The gate is misconfigured: the desired folder or the CLI is missing, or a property has a bad value.</summary>
    public const string BadConfiguration = "SP0003";
}
