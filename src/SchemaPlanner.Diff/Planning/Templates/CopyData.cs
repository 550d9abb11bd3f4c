using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// What the copy templates share (<see cref="CopyTriggerData"/>, <see cref="DropCopyTriggerData"/>,
/// <see cref="BackfillCopyData"/>, <see cref="VerifyCopyData"/>, one record per template): rows of <see cref="Target"/> (a new table) computed from rows of <see cref="Source"/>
/// that match <see cref="Filter"/>. <see cref="TargetKey"/> and <see cref="Values"/> are the target's key columns
/// and its other copied columns, each with its SQL expression over the source row; <see cref="Reverse"/> the
/// copied columns that are a plain source column, which the new version's writes to the target go back to.
/// </summary>
public record CopyData(
    QualifiedName Source,
    QualifiedName Target,
    IReadOnlyList<Assignment> TargetKey,
    IReadOnlyList<Assignment> Values,
    string Filter)
{
    /// <summary>Every copied column: the key first.</summary>
    public IReadOnlyList<Assignment> Columns => [.. TargetKey, .. Values];

    public string Trigger { get; init; } = "";

    public string DeleteTrigger { get; init; } = "";

    public string ReverseTrigger { get; init; } = "";

    public QualifiedName ForwardFunctionName => new(Source.Schema, Trigger);

    public QualifiedName ReverseFunctionName => new(Target.Schema, ReverseTrigger);

    /// <summary>Whether the source's delete trigger deletes the target row (false when a foreign key cascades).</summary>
    public bool DeleteOnSourceDelete { get; init; } = true;

    /// <summary>The target key columns as plain source columns; empty when one is computed (no reverse trigger then).</summary>
    public IReadOnlyList<ColumnPair> ReverseKey { get; init; } = [];

    /// <summary>Non-key target columns copied from a plain source column, written back to it; empty when there is no key to find the row by.</summary>
    public IReadOnlyList<ColumnPair> Reverse { get; init; } = [];

    /// <summary>
    /// The columns verify compares: those copied unchanged, which the new version's writes reach in both tables (a
    /// computed column it rewrote legitimately differs from its expression); every copied column when none is.
    /// </summary>
    public IReadOnlyList<Assignment> Compared => Reverse.Count > 0 ? Values.Where(v => Reverse.Any(r => r.Target == v.Column)).ToList() : Values;

    /// <summary>The source table the backfill walks (named <c>Table</c> for the shared <c>sql/parts/backfill-batch</c> partial).</summary>
    public QualifiedName Table => Source;

    /// <summary>The source's key, which the backfill's keyset batches walk.</summary>
    public IReadOnlyList<KeyColumn> Key { get; init; } = [];

    public int BatchSize { get; init; }

    public int PauseMilliseconds { get; init; }

    /// <summary>How the batch size and the pause adapt as the backfill runs.</summary>
    public BackfillPacing Pacing { get; init; } = BackfillPacing.Default;

    public string PauseSeconds => (PauseMilliseconds / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Data for <c>sql/copy-trigger</c>: the triggers that keep the target in step with the source (and back).</summary>
public sealed record CopyTriggerData : CopyData, ITemplateData
{
    public CopyTriggerData(CopyData copy)
        : base(copy)
    {
    }
}

/// <summary>Data for <c>sql/drop-copy-trigger</c>.</summary>
public sealed record DropCopyTriggerData : CopyData, ITemplateData
{
    public DropCopyTriggerData(CopyData copy)
        : base(copy)
    {
    }
}

/// <summary>Data for <c>sql/backfill-copy</c>: the batched INSERT … SELECT of the source rows into the target.</summary>
public sealed record BackfillCopyData : CopyData, ITemplateData
{
    public BackfillCopyData(CopyData copy)
        : base(copy)
    {
    }
}

/// <summary>Data for <c>sql/verify-copy</c>: every matching source row has its target row with the copied values.</summary>
public sealed record VerifyCopyData : CopyData, ITemplateData
{
    public VerifyCopyData(CopyData copy)
        : base(copy)
    {
    }
}
