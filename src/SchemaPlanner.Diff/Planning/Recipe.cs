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

    public abstract void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output);

    /// <summary>A step for <paramref name="change"/>; the sequence number orders steps of one change in a phase.</summary>
    protected static PlanStep Step(ClassifiedChange change, int release, Phase phase, int sequence, string name, string title, StepSql up) => new()
    {
        Release = release,
        Phase = phase,
        Name = name,
        Title = title,
        Up = up,
        Serves = change.Change,
        Hazards = change.Hazards,
        SortKey = (0, 0, sequence),
    };
}
