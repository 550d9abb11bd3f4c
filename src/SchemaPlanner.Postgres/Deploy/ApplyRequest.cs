using SchemaPlanner.Model;
using SchemaPlanner.Planning.Deploy;

namespace SchemaPlanner.Deploy;

/// <summary>
/// What <c>schemaplan apply</c> was asked: the database, the plan (checksums already verified), the point to
/// go to, in which direction, and whether to only list the steps. <see cref="FromSchema"/> is the schema the
/// plan starts from, when the plan folder has it, to show how a database in another state differs.
/// </summary>
public sealed record ApplyRequest(
    string ConnectionString,
    PlanManifest Manifest,
    PhasePoint To,
    bool Down,
    bool Force,
    bool DryRun,
    SchemaModel? FromSchema);
