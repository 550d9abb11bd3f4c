using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Templates;

/// <summary>
/// Which template renders which data: one SQL template per data record type. A step's <c>StepSql</c> carries the
/// record; its type picks the template here. Templates under <c>sql/parts/</c> have no type of their own: they are
/// included by other templates and see the includer's data.
/// </summary>
internal static class SqlTemplates
{
    public const string PartsFolder = "sql/parts/";

    public static IReadOnlyDictionary<Type, string> ByDataType { get; } = new Dictionary<Type, string>
    {
        [typeof(StepView)] = "sql/step.sbn",
        [typeof(IrreversibleData)] = "sql/irreversible.sbn",
        [typeof(DdlData)] = "sql/ddl.sbn",
        [typeof(BackfillData)] = "sql/backfill.sbn",
        [typeof(BackfillBlocksData)] = "sql/backfill-blocks.sbn",
        [typeof(BackfillPartitionBlocksData)] = "sql/backfill-partition-blocks.sbn",
        [typeof(VerifyData)] = "sql/verify.sbn",
        [typeof(SyncTriggerData)] = "sql/sync-trigger.sbn",
        [typeof(DropSyncTriggerData)] = "sql/drop-sync-trigger.sbn",
        [typeof(FillNullsTriggerData)] = "sql/fill-nulls-trigger.sbn",
        [typeof(SwapData)] = "sql/swap.sbn",
        [typeof(SwapTablesData)] = "sql/swap-tables.sbn",
        [typeof(ConcurrentIndexData)] = "sql/create-index-concurrently.sbn",
        [typeof(DropIndexData)] = "sql/drop-index-concurrently.sbn",
        [typeof(CopyTriggerData)] = "sql/copy-trigger.sbn",
        [typeof(DropCopyTriggerData)] = "sql/drop-copy-trigger.sbn",
        [typeof(BackfillCopyData)] = "sql/backfill-copy.sbn",
        [typeof(VerifyCopyData)] = "sql/verify-copy.sbn",
    };

    public static string For(ITemplateData data) => ByDataType.TryGetValue(data.GetType(), out var name)
        ? name
        : throw new InvalidOperationException($"no SQL template for {data.GetType().Name}: add it to {nameof(SqlTemplates)}.{nameof(ByDataType)}");
}
