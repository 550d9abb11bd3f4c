namespace SchemaPlanner.Analysis;

/// <summary>
/// Which DbContext of an EF Core project is the desired schema (<c>--context</c>, <c>--startup-project</c>),
/// passed through to <c>dotnet ef</c> unchanged; null members mean its own defaults.
/// </summary>
public sealed record EfCoreSelection(string? Context, string? StartupProject)
{
    public static readonly EfCoreSelection Default = new(null, null);
}
