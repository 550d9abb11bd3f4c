using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// The statements being written for one change, and the models of the diff when the caller has them (some
/// changes rewrite objects other than their own and need both; see <see cref="DdlWriter"/>), written through the
/// statement templates of <paramref name="sql"/>.
/// </summary>
internal sealed class DdlBuilder(SchemaModel? from, SchemaModel? to, ISqlRenderer sql)
{
    private readonly List<string> statements = [];

    /// <summary>The current model, when known.</summary>
    public SchemaModel? From => from;

    /// <summary>The desired model, when known.</summary>
    public SchemaModel? To => to;

    public IReadOnlyList<string> Statements => statements;

    /// <summary>Adds one statement, written by its template.</summary>
    public void Emit(ISqlStatement statement) => statements.Add(sql.Render(statement));

    /// <summary>The text of a statement, for generators that wrap it in another.</summary>
    public string Render(ISqlStatement statement) => sql.Render(statement);

    /// <summary>Both models, or an error naming the overload to call when the change needs them.</summary>
    public (SchemaModel From, SchemaModel To) Models(Change change) =>
        from is not null && to is not null
            ? (from, to)
            : throw new InvalidOperationException(
                "the DDL for '" + change.Describe() + "' rewrites other objects and needs both models: call DdlWriter.Statements(change, from, to)");
}
