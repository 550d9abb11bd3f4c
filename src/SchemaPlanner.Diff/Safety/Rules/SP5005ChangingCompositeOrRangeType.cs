using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Composite and range types are part of the running application's SQL (casts, row constructors, <c>(v).attr</c>):
/// dropping one, or dropping, retyping or moving a composite type's attributes, breaks the version that still
/// uses the old shape. Creating a type or appending an attribute is safe (nothing uses it yet).
/// </summary>
public sealed class SP5005ChangingCompositeOrRangeType : SafetyRule
{
    public override string Id => "SP5005";

    public override string Name => "changing-composite-or-range-type";

    public override string Summary => "Dropping a composite or range type, or dropping, retyping or reordering a composite type's attributes, breaks the application version that still uses them.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        var message = change switch
        {
            DropCompositeType or DropRangeType => $"dropping type {change.Object} breaks the application version that still casts to it or reads it",
            AlterCompositeType a when a.Dropped.Any() || a.Retyped.Any() =>
                $"{Describe(a)} of composite type {change.Object} breaks the application version that still reads or writes the old attributes",
            ReplaceCompositeType => $"reordering or renaming the attributes of composite type {change.Object} drops and re-creates it, breaking the application version that builds or reads its rows by position",
            ReplaceRangeType => $"changing range type {change.Object} drops and re-creates it, breaking the application version that still uses the old one",
            _ => null,
        };
        if (message is null)
        {
            yield break;
        }

        yield return Hazard(HazardKind.BreaksRunningApp, Severity.Error, message, Recipes.StopUsingThenDrop);
    }

    private static string Describe(AlterCompositeType alter)
    {
        var parts = alter.Dropped.Select(a => "dropping attribute " + a.Name).Concat(alter.Retyped.Select(a => "changing the type of attribute " + a.Name));
        return string.Join(" and ", parts);
    }
}
