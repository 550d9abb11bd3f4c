using Npgsql;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// One app write and the query that checks it read back as written (its last parameter takes the returned values).
/// </summary>
internal sealed record ShapeWrite(NpgsqlCommand Command, NpgsqlCommand ReadBackCheck);
