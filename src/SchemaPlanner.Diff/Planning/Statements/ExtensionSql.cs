namespace SchemaPlanner.Planning.Statements;

/// <summary>Extension statements: <c>sql/statements/extension/*.sbn</c>. Extensions are not schema-qualified.</summary>
public static class ExtensionSql
{
    /// <summary><c>CREATE EXTENSION name WITH SCHEMA schema VERSION 'version'</c>.</summary>
    public sealed record Create(string Extension, string Schema, string Version) : ISqlStatement;

    public sealed record Drop(string Extension) : ISqlStatement;

    /// <summary>Moves the extension's objects to another schema.</summary>
    public sealed record SetSchema(string Extension, string Schema) : ISqlStatement;

    /// <summary><c>ALTER EXTENSION name UPDATE TO 'version'</c>: runs the extension's update scripts.</summary>
    public sealed record Update(string Extension, string Version) : ISqlStatement;
}
