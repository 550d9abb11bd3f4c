namespace SchemaPlanner.Model;

/// <summary>
/// A function, procedure or aggregate (<paramref name="Kind"/>). Identity is name plus <paramref name="Arguments"/>
/// (<c>pg_get_function_identity_arguments</c>); <paramref name="Definition"/> is <c>pg_get_functiondef</c>.
/// </summary>
public sealed record Function(
    QualifiedName Name,
    string Arguments,
    string Kind,
    string Result,
    string Language,
    Volatility Volatility,
    string Definition,
    EquatableArray<string> Privileges)
{
    /// <summary>
    /// The input argument types alone (<c>oidvectortypes(proargtypes)</c>): PostgreSQL's identity of the routine. Two
    /// versions with equal types but other <see cref="Arguments"/> differ only in parameter names, which
    /// <c>CREATE OR REPLACE</c> refuses to change. Null in snapshots written before it was recorded.
    /// </summary>
    public string? InputTypes { get; init; }

    /// <summary>An aggregate: its definition is <c>CREATE OR REPLACE AGGREGATE</c> built from <c>pg_aggregate</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAggregate => Kind == "aggregate";

    [System.Text.Json.Serialization.JsonIgnore]
    public string Signature => Name.Sql + "(" + Arguments + ")";
}
