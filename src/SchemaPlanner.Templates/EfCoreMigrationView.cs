namespace SchemaPlanner.Templates;

/// <summary>What <c>layouts/efcore/migration.sbn</c> reads: one migration class, its SQL as C# verbatim literals.</summary>
internal sealed record EfCoreMigrationView(
    string Position,
    string Source,
    string DownSource,
    string Title,
    string Namespace,
    string Context,
    string Id,
    string Name,
    bool Transactional,
    IReadOnlyList<string> Up,
    IReadOnlyList<string> Down,
    string? Irreversible);
