namespace SchemaPlanner.Safety;

/// <summary>
/// Names of the recipes that make unsafe changes safe (the planner implements them under
/// <c>Planning/Recipes/</c>). A hazard names the recipe its change follows.
/// </summary>
public static class Recipes
{
    public const string AsIs = "as-is";
    public const string WithLockTimeout = "with-lock-timeout";
    public const string StopUsingThenDrop = "stop-using-then-drop";
    public const string RenameTableWithView = "rename-table-with-view";
    public const string RenameColumnWithSync = "rename-column-with-sync";
    public const string ShadowColumnTypeChange = "shadow-column-type-change";
    public const string BigintPrimaryKey = "bigint-primary-key";
    public const string AddColumnThenBackfill = "add-column-then-backfill";
    public const string CopyIntoNewTable = "copy-into-new-table";
    public const string NotNullViaCheck = "not-null-via-check";
    public const string CreateIndexConcurrently = "create-index-concurrently";
    public const string DropIndexConcurrently = "drop-index-concurrently";
    public const string UniqueUsingIndex = "unique-using-index";
    public const string PrimaryKeyUsingIndex = "primary-key-using-index";
    public const string ConstraintNotValidThenValidate = "not-valid-then-validate";
    public const string EnumAddValue = "enum-add-value";
    public const string EnumNewType = "enum-new-type";
    public const string DropDefaultAfterApp = "drop-default-after-app";
    public const string IdentityAlwaysAfterApp = "identity-always-after-app";
    public const string ViewReplaceWithNew = "new-view-then-move-callers";
    public const string FunctionNewSignature = "new-signature-then-move-callers";
    public const string AttachPartitionWithCheck = "attach-partition-with-check";
    public const string DetachPartitionConcurrently = "detach-partition-concurrently";
    public const string VerifyPoliciesThenEnableRls = "verify-policies-then-enable-rls";
    public const string Offline = "offline-runbook";
    public const string Manual = "manual";
}
