using SchemaPlanner.Errors;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Changes that need a human decision (enabling row-level security, a restrictive policy, a domain type change,
/// an unsupported object): the plan stops and says which <c>allow</c> entry applies the change as-is.
/// </summary>
public sealed class ManualRecipe : Recipe
{
    public override string Name => Safety.Recipes.Manual;

    public override int Priority => 220;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        var hazard = change.Hazards.First(h => h.Blocks && h.Recipe == Name);
        throw new SchemaPlannerException(
            ErrorKind.Planning,
            $"{hazard.Rule}: {hazard.Message}. This needs a decision SchemaPlanner cannot make: do it by hand, or accept it in schemaplan.json " +
            $"(\"allow\": [ {{ \"rule\": \"{hazard.Rule}\", \"object\": {System.Text.Json.JsonSerializer.Serialize(change.Change.Object)}, \"reason\": \"...\" }} ]) to plan it as-is");
    }
}
