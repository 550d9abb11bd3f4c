namespace SchemaPlanner.Planning.Templates;

/// <summary><c>column := expression</c>, the expression written over the row's columns (unqualified names).</summary>
public sealed record Assignment(string Column, string Expression)
{
    /// <summary>
    /// A condition over the row, true when the value would not survive the assignment unchanged (truncated,
    /// rounded); sync triggers and backfills raise on it and verify reports the rows. Null when nothing is lost.
    /// </summary>
    public string? Loss { get; init; }

    /// <summary>The column's type, named in the messages about <see cref="Loss"/>.</summary>
    public string? LossType { get; init; }

    /// <summary>The SQLSTATE raised for <see cref="Loss"/> (22001 for strings, as an assignment raises).</summary>
    public string LossCode { get; init; } = "22000";

    /// <summary>What a sync trigger, backfill or verify says when <see cref="Loss"/> holds.</summary>
    public string LossMessage => $"value does not fit {Model.Sql.Quote(Column)} ({LossType}) unchanged";
}
