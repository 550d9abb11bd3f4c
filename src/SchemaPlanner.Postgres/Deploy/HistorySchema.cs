using SchemaPlanner.Model;

namespace SchemaPlanner.Deploy;

/// <summary>
/// The schema <c>apply</c> keeps its history in. It is the runner's, not the application's: every read of a
/// database leaves it out, so a plan's fingerprints, a re-diff after applying and <c>check</c> never see it.
/// </summary>
public static class HistorySchema
{
    public const string Name = "schemaplan";

    /// <summary><paramref name="schema"/> without anything in the history schema.</summary>
    public static DatabaseSchema Hide(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var model = schema.Model;
        if (!model.Schemas.Any(s => s.Name == Name))
        {
            return schema;
        }

        return schema with
        {
            Model = model with
            {
                Schemas = model.Schemas.Where(s => s.Name != Name).ToEquatableArray(),
                Collations = model.Collations.Where(c => c.Name.Schema != Name).ToEquatableArray(),
                Enums = model.Enums.Where(e => e.Name.Schema != Name).ToEquatableArray(),
                Domains = model.Domains.Where(d => d.Name.Schema != Name).ToEquatableArray(),
                Sequences = model.Sequences.Where(s => s.Name.Schema != Name).ToEquatableArray(),
                Tables = model.Tables.Where(t => t.Name.Schema != Name).ToEquatableArray(),
                Views = model.Views.Where(v => v.Name.Schema != Name).ToEquatableArray(),
                Functions = model.Functions.Where(f => f.Name.Schema != Name).ToEquatableArray(),
            },
            Statistics = schema.Statistics.Where(s => s.Table.Schema != Name).ToEquatableArray(),
        };
    }
}
