using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ALTER EXTENSION … UPDATE runs the extension's own upgrade scripts, which may lock, rebuild or rewrite objects
/// that use its types; SET SCHEMA moves every object it owns. SchemaPlanner cannot see inside: review it.
/// </summary>
public sealed class SP9002UpdatingExtension : SafetyRule
{
    public override string Id => "SP9002";

    public override string Name => "updating-extension";

    public override string Summary => "Updating an extension runs its upgrade scripts, which SchemaPlanner cannot inspect.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterExtension alter)
        {
            yield break;
        }

        var what = alter.Old.Version != alter.New.Version
            ? $"updating extension {change.Object} from {alter.Old.Version} to {alter.New.Version} runs its upgrade scripts, which may lock or rewrite objects that use it; read its release notes"
            : $"moving extension {change.Object} to schema {Model.Sql.Quote(alter.New.Schema)} moves all its objects: callers that qualify them with {Model.Sql.Quote(alter.Old.Schema)} break";
        yield return Hazard(HazardKind.Lock, Severity.Warning, what, Recipes.Manual);
    }
}
