using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// Turns one classified change into plan steps over one or more releases (numbered from 1). A recipe may
/// <see cref="PlanningContext.Claim"/> other changes it takes care of. One recipe per file under
/// <c>Planning/Recipes/</c>, named after the recipe name hazards use (see <see cref="Recipes"/>).
/// </summary>
public abstract class Recipe
{
    /// <summary>The recipe name, one of <see cref="Recipes"/>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// When a change's hazards name several recipes, the lowest number wins; recipes that reshape columns come
    /// first so they can claim related changes. Unique across recipes.
    /// </summary>
    public abstract int Priority { get; }

    /// <summary>
    /// Whether the change needs this recipe whatever its hazards name (a <c>using</c> hint that asks for a backfill,
    /// a safe change that runs as it is). The planner asks recipes in priority order; a change no recipe requires
    /// follows the highest-priority recipe its blocking hazards name.
    /// </summary>
    public virtual bool IsRequiredFor(ClassifiedChange change, PlanningContext context) => false;

    /// <summary>The user accepted one of the change's hazards (an <c>allow</c> entry): they asked for the plain DDL.</summary>
    protected static bool AcceptedAsIs(ClassifiedChange change) => change.Hazards.Any(h => h.Allowed);

    public abstract void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output);

    /// <summary>A step for <paramref name="change"/>; steps of one change in a phase run in the order the recipe adds them.</summary>
    protected internal static PlanStep Step(ClassifiedChange change, int release, Phase phase, string name, string title, StepSql up) => new()
    {
        Release = release,
        Phase = phase,
        Name = name,
        Title = title,
        Up = up,
        Serves = change.Change,
        Hazards = change.Hazards,
    };
}
