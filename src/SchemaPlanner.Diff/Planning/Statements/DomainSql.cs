using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Domain statements: <c>sql/statements/domain/*.sbn</c>.</summary>
public static class DomainSql
{
    /// <summary><c>ALTER DOMAIN … ADD CONSTRAINT name definition [NOT VALID]</c>.</summary>
    public sealed record AddConstraint(QualifiedName Domain, string Name, string Definition, bool NotValid = false) : ISqlStatement;

    /// <summary><c>CREATE DOMAIN name AS base_type [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT name check …]</c>.</summary>
    public sealed record Create(QualifiedName Domain, string BaseType, string? Collation, string? Default, bool NotNull, IReadOnlyList<ConstraintDefinition> Checks) : ISqlStatement;

    public sealed record Drop(QualifiedName Domain) : ISqlStatement;

    public sealed record DropConstraint(QualifiedName Domain, string Name) : ISqlStatement;

    public sealed record DropDefault(QualifiedName Domain) : ISqlStatement;

    public sealed record DropNotNull(QualifiedName Domain) : ISqlStatement;

    public sealed record Rename(QualifiedName Domain, string NewName) : ISqlStatement;

    public sealed record SetDefault(QualifiedName Domain, string Default) : ISqlStatement;

    public sealed record SetNotNull(QualifiedName Domain) : ISqlStatement;

    /// <summary>Checks the values of the domain's columns against a <c>NOT VALID</c> check.</summary>
    public sealed record ValidateConstraint(QualifiedName Domain, string Name) : ISqlStatement;
}
