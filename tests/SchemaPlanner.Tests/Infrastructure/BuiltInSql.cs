using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>Plain DDL written through the built-in statement templates, as a plan without overrides writes it.</summary>
internal static class BuiltInSql
{
    public static DdlWriter Ddl { get; } = new(StatementRenderer.BuiltIn);
}
