using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/verify</c>: checks that raise an error when they fail, so a runner stops. Each check is a
/// boolean SQL expression that must be true, with a message for when it is not. With <see cref="Key"/> (the
/// table's primary key), a failure names the first row it found.
/// </summary>
public sealed record VerifyData(QualifiedName Table, IReadOnlyList<Assignment> Equal, IReadOnlyList<VerifyCheck> Checks) : ITemplateData
{
    public IReadOnlyList<KeyColumn> Key { get; init; } = [];
}
