using System.Globalization;
using Npgsql;
using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// Records, on a scratch database, which desired-DDL statement made each object: an event trigger at
/// <c>ddl_command_end</c> logs <c>pg_event_trigger_ddl_commands()</c> (indexes behind constraints and the
/// sequences of serial and identity columns included, under PostgreSQL's own names) with the index of the
/// running statement, read from a comment the statement's text starts with (<see cref="MarkedText"/>) or else the
/// <c>schemaplan.statement</c> setting (<see cref="MarkStatementAsync"/>), in one INSERT per command: with a table's
/// highest column number and its constraints' oids at that moment, so that the read at the end gives each column
/// and constraint the first statement that saw it. Event triggers need a superuser; without one
/// <see cref="TryInstallAsync"/> installs nothing. <see cref="ReadAndRemoveAsync"/> drops the trigger, its
/// function and its log before the schema is read back, so introspection never sees them.
/// </summary>
internal static class DdlEventLog
{
    public const string NotSuperuserWarning =
        "the scratch database user is not a superuser, so no event trigger can record which statement made each " +
        "object: source locations point at the CREATE statement of an object's name only (columns and constraints at their table)";

    private static string Install => EmbeddedSql.Fill("Sources.ddl_log_install", ("mark", Sql.Literal(TextMarkPrefix)));

    /// <summary>The desired DDL may have switched roles; the log belongs to the connecting superuser.</summary>
    private static string Stop => EmbeddedSql.Load("Sources.ddl_log_stop");

    private static string Remove => EmbeddedSql.Load("Sources.ddl_log_remove");

    /// <summary>
    /// Each logged object that still exists, with its first statement (comments: their first COMMENT statement),
    /// as statement, kind, schema, name, owner schema, owner name, detail, columns (see <see cref="CreatedObject"/>).
    /// </summary>
    private static string Read => EmbeddedSql.Load("Sources.ddl_log_read");

    /// <summary>Installs the event trigger when the user is a superuser; false (and nothing installed) otherwise.</summary>
    public static async Task<bool> TryInstallAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var check = new NpgsqlCommand(EmbeddedSql.Load("Sources.is_superuser"), connection))
        {
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return false;
            }
        }

        await using var install = new NpgsqlCommand(Install, connection);
        await install.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What starts the text of a statement the trigger reads its index from (see <see cref="MarkedText"/>).</summary>
    private const string TextMarkPrefix = "/*schemaplan:";

    /// <summary>
    /// The statement at <paramref name="index"/> as a batch sends it: its text after a comment naming its index,
    /// which the trigger reads from <c>current_query()</c> (in a batch, each statement's own text). A mark in
    /// the text costs nothing; a <c>set_config</c> before each statement doubled the batch's statements.
    /// Errors from a batch are never shown (the batch runs again one statement at a time, unmarked), so the
    /// comment never shifts an error position the user sees.
    /// </summary>
    public static string MarkedText(int index, string text) =>
        TextMarkPrefix + index.ToString(CultureInfo.InvariantCulture) + "*/" + text;

    /// <summary>Tells the trigger that the statement at <paramref name="index"/> runs next.</summary>
    public static async Task MarkStatementAsync(NpgsqlConnection connection, int index, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EmbeddedSql.Fill("Sources.ddl_log_mark", ("statement", "$1")), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = index.ToString(CultureInfo.InvariantCulture) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One catalog read resolves the log to the objects that still exist, each with the first statement that
    /// made it; then the trigger, its function and its log are dropped.
    /// </summary>
    public static async Task<IReadOnlyList<CreatedObject>> ReadAndRemoveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var stop = new NpgsqlCommand(Stop, connection))
        {
            await stop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var objects = new List<CreatedObject>();
        await using (var read = new NpgsqlCommand(Read, connection))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var kind = Enum.Parse<CreatedObjectKind>(reader.GetString(1), ignoreCase: true);
                var schema = reader.GetString(2);
                var name = reader.GetString(3);
                if (kind == CreatedObjectKind.Comment)
                {
                    name = Introspection.ModelAssembler.CommentTarget(schema, name);
                }

                var owner = reader.IsDBNull(4) ? null : new QualifiedName(reader.GetString(4), reader.GetString(5));
                objects.Add(new CreatedObject(
                    reader.GetInt32(0),
                    kind,
                    schema,
                    name,
                    owner,
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetFieldValue<string[]>(7)));
            }
        }

        await using var remove = new NpgsqlCommand(Remove, connection);
        await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return objects;
    }
}
