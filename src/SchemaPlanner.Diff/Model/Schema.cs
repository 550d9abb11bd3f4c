namespace SchemaPlanner.Model;

/// <summary>A namespace (<c>CREATE SCHEMA</c>). <paramref name="Privileges"/> are aclitem texts, sorted.</summary>
public sealed record Schema(string Name, EquatableArray<string> Privileges);
