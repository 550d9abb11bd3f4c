using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// One difference between the current and the desired schema. The hierarchy is closed: one small sealed record
/// per kind of change; alters carry both the old and the new state. Changes hold no SQL and no hazards.
/// </summary>
public abstract record Change
{
    private protected Change()
    {
    }

    /// <summary>Stable snake_case name of the change kind, as printed in JSON (e.g. <c>add_column</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>The object changed, in display form (<c>public.articles.body</c>).</summary>
    public abstract string Object { get; }

    /// <summary>The table the change belongs to, when it belongs to one (used for grouping and statistics).</summary>
    public virtual QualifiedName? Table => null;

    /// <summary>One-line human description.</summary>
    public abstract string Describe();
}
