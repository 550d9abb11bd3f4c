using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Templates;

/// <summary>What <c>sql/step.sbn</c> sees: the step's metadata and its rendered body.</summary>
internal sealed record StepView(
    int Release,
    string Phase,
    string Direction,
    string Title,
    string Serves,
    IReadOnlyList<HazardView> Hazards,
    bool Transactional,
    string? LockTimeout,
    string? StatementTimeout,
    bool Retry,
    int RetryAttempts,
    IReadOnlyList<string> SquawkIgnores,
    string? SquawkReason,
    string Body) : ITemplateData;
