using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Trigger statements: <c>sql/statements/trigger/*.sbn</c>.</summary>
public static class TriggerSql
{
    /// <summary>A trigger as PostgreSQL defines it (<c>pg_get_triggerdef</c>).</summary>
    public sealed record Create(string Definition) : ISqlStatement;

    /// <summary><c>ALTER TABLE table DISABLE TRIGGER name</c>: it stays defined but does not fire.</summary>
    public sealed record Disable(QualifiedName Table, string Name) : ISqlStatement;

    public sealed record Drop(QualifiedName Table, string Name) : ISqlStatement;

    /// <summary><c>ALTER TABLE table ENABLE [REPLICA | ALWAYS] TRIGGER name</c>: <c>Replica</c> fires only on replicas, else always.</summary>
    public sealed record Enable(QualifiedName Table, string Name, bool Replica) : ISqlStatement;
}
