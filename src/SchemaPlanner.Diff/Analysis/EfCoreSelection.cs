namespace SchemaPlanner.Analysis;

/// <summary>
/// Which DbContext of an EF Core project is the desired schema (<c>--context</c>, <c>--startup-project</c>), and
/// which build of it (<c>--configuration</c>, <c>--framework</c>), passed through to <c>dotnet ef</c> unchanged;
/// null members mean its own defaults. <see cref="NoBuild"/> uses the project as already built: the build gate
/// runs inside the app's build, so building it again would be recursive.
/// </summary>
public sealed record EfCoreSelection(string? Context, string? StartupProject, string? Configuration = null, string? Framework = null, bool NoBuild = false)
{
    public static readonly EfCoreSelection Default = new(null, null);
}
