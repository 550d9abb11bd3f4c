using Npgsql;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// The invariants checked whenever traffic is paused between two steps, for each app version live at that
/// moment: every row the ledger expects is there and reads, through this version's shape, as it was written
/// (directly, or through the hints and casts when the other version wrote it); deleted rows stay deleted; the
/// row count matches; every view this version reads exists and returns what its query over the base tables
/// returns; and writes that must be rejected (a duplicate, an orphan, a NULL, a failing CHECK) are rejected.
/// </summary>
internal sealed class BoundaryChecks(SchemaModel oldModel, SchemaModel newModel)
{
    // One mirror per checker session.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<NpgsqlConnection, LedgerMirror> mirrors = new();
    private int valueChecks;

    public int ValueChecks => Volatile.Read(ref valueChecks);

    public int ViewChecks { get; private set; }

    public SchemaModel Model(AppVersion version) => version == AppVersion.Old ? oldModel : newModel;

    /// <summary>
    /// <see cref="RowsAsync"/> for each of <paramref name="ledgers"/>, on all <paramref name="sessions"/> at once
    /// (the checks only read; each session has its own mirror of the ledgers it checks). A ledger goes to the
    /// session its place in <paramref name="placed"/> gives, so that each is mirrored once. The first failure
    /// in ledger order, or null.
    /// </summary>
    public async Task<string?> RowsOfAllAsync(
        IReadOnlyList<NpgsqlConnection> sessions,
        IReadOnlyDictionary<TableLedger, int> placed,
        IReadOnlyList<TableLedger> ledgers,
        AppVersion reader,
        bool acrossVersions,
        CancellationToken cancellationToken)
    {
        var failures = new string?[ledgers.Count];
        await Task.WhenAll(sessions.Select(async (session, s) =>
        {
            for (var i = 0; i < ledgers.Count; i++)
            {
                if (placed[ledgers[i]] % sessions.Count == s
                    && (failures[i] = await RowsAsync(session, ledgers[i], reader, acrossVersions, cancellationToken).ConfigureAwait(false)) is not null)
                {
                    return;
                }
            }
        })).ConfigureAwait(false);
        return failures.FirstOrDefault(f => f is not null);
    }

    /// <summary>
    /// Rows of one table through <paramref name="reader"/>'s shape; <paramref name="acrossVersions"/> says whether
    /// rows the other version wrote (or that were there before the plan) must already read back through it.
    /// </summary>
    private async Task<string?> RowsAsync(NpgsqlConnection connection, TableLedger ledger, AppVersion reader, bool acrossVersions, CancellationToken cancellationToken)
    {
        try
        {
            return await CompareRowsAsync(connection, ledger, reader, acrossVersions, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            // The version cannot even read the table through its shape (a column renamed or dropped under it): that is
            // the invariant broken, not a crash of the rehearsal.
            return $"{ledger.Mapping.Shape(reader)!.Name} cannot be read through the {Name(reader)} version's shape: {ex.SqlState}: {ex.MessageText}";
        }
    }

    private async Task<string?> CompareRowsAsync(NpgsqlConnection connection, TableLedger ledger, AppVersion reader, bool acrossVersions, CancellationToken cancellationToken)
    {
        if (ledger.Mapping.CopiedFrom is { } copy)
        {
            return await CopiedRowsAsync(connection, copy, cancellationToken).ConfigureAwait(false);
        }

        var shape = ledger.Mapping.Shape(reader)!;
        await using (var count = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.count_rows", ("table", shape.Name.Sql)), connection))
        {
            var actual = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var expected = ledger.ExpectedCount();
            if (actual != expected)
            {
                return $"{shape.Name} has {actual} row(s) through the {Name(reader)} version's shape, the traffic's ledger expects {expected} (a row was lost or duplicated)";
            }
        }

        if (!ledger.Keyed || shape.Key.Count == 0)
        {
            return null;
        }

        var model = Model(reader);
        var physical = await PhysicalTypesAsync(connection, shape.Name, cancellationToken).ConfigureAwait(false);
        var expectedFromOld = Expected(ledger.Mapping, AppVersion.Old, reader, physical);
        var expectedFromNew = Expected(ledger.Mapping, AppVersion.New, reader, physical);
        var join = string.Join(" AND ", shape.Key.Select((k, i) => $"t.{Sql.Quote(k)} = CAST(l.k->>{i} AS {ReadTypes.Of(shape.Column(k), model)})"));
        var mirror = await mirrors.GetOrAdd(connection, _ => new LedgerMirror()).SyncAsync(connection, ledger, cancellationToken).ConfigureAwait(false);
        var sql = EmbeddedSql.Fill(
            "Rehearsal.ledger_mismatch",
            ("ledger", mirror),
            ("table", shape.Name.Sql),
            ("join", join),
            ("actual_from_old", expectedFromOld.Actual),
            ("actual_from_new", expectedFromNew.Actual),
            ("expected_from_old", expectedFromOld.Expected),
            ("expected_from_new", expectedFromNew.Expected),
            ("reader", Sql.Literal(reader == AppVersion.Old ? "old" : "new")));
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(acrossVersions);
        command.CommandTimeout = 0;
        Interlocked.Increment(ref valueChecks);
        await using var result = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await result.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var key = result.GetString(0);
        var writer = result.GetString(1);
        var deleted = result.GetBoolean(2);
        var expectedValues = result.IsDBNull(3) ? "NULL" : result.GetString(3);
        var actualValues = result.IsDBNull(4) ? null : result.GetString(4);
        return deleted ? $"{shape.Name}: a row the {writer} version deleted is back (key {key})"
            : actualValues is null ? $"{shape.Name}: row lost: key {key} (last written by the {writer} version) is not there through the {Name(reader)} version's shape"
            : $"{shape.Name}: a value changed that no hint asked to change: key {key}, last written by the {writer} version, reads through the {Name(reader)} version's shape as {actualValues}, expected {expectedValues}";
    }

    /// <summary>
    /// A table a <c>copy</c> hint fills holds the source's rows, written by the copy trigger and the backfill rather
    /// than by the traffic: while the trigger keeps the two in step (release 1), every target row whose source row
    /// matches the hint's filter must hold the values the hint gives (columns copied unchanged, which the new
    /// version's writes reach in both tables). Before the backfill ends some rows are still missing (the verify step
    /// requires them); after the trigger is dropped only the new version writes the target.
    /// </summary>
    private async Task<string?> CopiedRowsAsync(NpgsqlConnection connection, Configuration.CopyHint copy, CancellationToken cancellationToken)
    {
        var source = oldModel.FindTable(copy.Source);
        var target = newModel.FindTable(copy.Target);
        var key = target is null ? null : Planning.Recipes.CopyIntoNewTableRecipe.KeyOf(target, copy.Columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal));
        var plain = source is null ? [] : copy.Columns.Where(c => Planning.Recipes.CopyIntoNewTableRecipe.PlainColumn(source, c.Value) is not null).ToList();
        if (key is null || !key.All(k => plain.Any(p => p.Key == k)))
        {
            return null;
        }

        await using (var present = new NpgsqlCommand(EmbeddedSql.Load("Rehearsal.copy_trigger_present"), connection))
        {
            present.Parameters.AddWithValue(copy.Source.Sql);
            present.Parameters.AddWithValue(Planning.Recipes.CopyIntoNewTableRecipe.TriggerName(copy));
            if (!(bool)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return null;
            }
        }

        var values = plain.Where(p => !key.Contains(p.Key)).Select(p => Sql.Quote(p.Key)).ToList();
        var keys = string.Join(", ", key.Select(k => "sp_copy." + Sql.Quote(k)));
        var sql = EmbeddedSql.Fill(
            "Rehearsal.copied_row_mismatch",
            ("keys", keys),
            ("copied", string.Join(", ", plain.Select(p => $"({p.Value}) AS {Sql.Quote(p.Key)}"))),
            ("source", copy.Source.Sql),
            ("filter", copy.Filter ?? "true"),
            ("target", copy.Target.Sql),
            ("target_keys", string.Join(", ", key.Select(k => "t." + Sql.Quote(k)))),
            ("target_values", string.Join(", ", values.Select(v => "t." + v))),
            ("copied_values", string.Join(", ", values.Select(v => "sp_copy." + v))));
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        Interlocked.Increment(ref valueChecks);
        await using var result = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await result.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? $"{copy.Target}: the row with key {result.GetString(0)} does not hold what the copy from {copy.Source} gives: {result.GetString(2)}, expected {result.GetString(1)}"
            : null;
    }

    /// <summary>
    /// SQL for the values a reader should see of a row <paramref name="writer"/> wrote (its read-back values are
    /// <c>l.v</c>), and for what it does see (<c>t</c>), over the columns the reader can derive from the writer's.
    /// </summary>
    private (string Expected, string Actual) Expected(TableMapping mapping, AppVersion writer, AppVersion reader, IReadOnlyDictionary<string, string> physical)
    {
        var readerShape = mapping.Shape(reader)!;
        var writerShape = mapping.Shape(writer);
        var readerModel = Model(reader);
        if (writerShape is null)
        {
            return ("NULL::jsonb", "NULL::jsonb");
        }

        var derivation = mapping.Derivation(writer, reader);

        // Across versions, a column whose type changes reads the other version's values only once it has the
        // reader's type (before the swap, the new version's name still holds the old type's column).
        var columns = readerShape.Columns
            .Where(c => derivation.ContainsKey(c.Name))
            .Where(c => writer == reader || !physical.TryGetValue(c.Name, out var now) || SeedValues.Base(now) == SeedValues.Base(c.Type) || Enumish(c))
            .ToList();
        if (writer == reader)
        {
            return (Only(mapping, columns), "(" + ReadTypes.JsonObject("t", columns, readerModel) + ")");
        }

        var writerModel = Model(writer);
        if (writer == AppVersion.New)
        {
            // What the new version wrote must be what the old shape's row now maps to, forward: a reverse hint may be
            // lossy (name || ' ' || surname of a surname-less name), so the old value is checked by where it leads.
            // Only columns the old shape holds (copied, or read by a reverse hint), and only once they have their new
            // type: before the swap, a new-version write to the old-typed column is converted by the session.
            var written = writerShape.Columns
                .Where(c => mapping.Forward.ContainsKey(c.Name) && c.Identity == IdentityKind.None && c.Generated is null && c.Default?.StartsWith("nextval(", StringComparison.Ordinal) != true)
                .Where(c => mapping.Old!.Columns.Any(o => Sql.Quote(o.Name) == mapping.Forward[c.Name]) || mapping.Backward.Values.Any(e => Mentions(e, c.Name)))
                .Where(c => !physical.TryGetValue(c.Name, out var now) || SeedValues.Base(now) == SeedValues.Base(c.Type) || Enumish(c))
                .ToList();
            var mapped = ReadTypes.JsonObject(written.Select(c => (c.Name, $"CAST(CAST(({mapping.Forward[c.Name]}) AS {c.Type}) AS {ReadTypes.Of(c, writerModel)})")));
            return (Only(mapping, written), $"(SELECT {mapped} FROM (SELECT t.*) AS sp_row)");
        }

        var record = string.Join(", ", writerShape.Columns.Select(c => $"{Sql.Quote(c.Name)} {ReadTypes.Of(c, writerModel)}"));
        var expected = ReadTypes.JsonObject(columns.Select(c => (c.Name, $"CAST(CAST(({derivation[c.Name]}) AS {c.Type}) AS {ReadTypes.Of(c, readerModel)})")));
        return ($"(SELECT {expected} FROM jsonb_to_record(l.v) AS sp_row({record}))", "(" + ReadTypes.JsonObject("t", columns, readerModel) + ")");
    }

    /// <summary>Whether an expression names the column (quoted, or as a bare word).</summary>
    private static bool Mentions(string expression, string column) => Sources.Scripts.SqlIdentifiers.Mentions(expression, column);

    private bool Enumish(Column column) => oldModel.FindEnum(column.TypeName) is not null || newModel.FindEnum(column.TypeName) is not null;

    /// <summary>Each column's type as the database has it right now (a view's too, for a renamed table's old name).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PhysicalTypesAsync(NpgsqlConnection connection, QualifiedName table, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            EmbeddedSql.Load("Rehearsal.physical_types"), connection);
        command.Parameters.AddWithValue(table.Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    /// <summary>
    /// The ledger's values (<c>l.v</c>) of <paramref name="columns"/> only: its keys are columns of the old or new
    /// shape, so removing the others keeps exactly those (one operator instead of a per-row subquery over jsonb_each).
    /// </summary>
    private static string Only(TableMapping mapping, IReadOnlyList<Column> columns)
    {
        var kept = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var others = new[] { mapping.Old, mapping.New }.OfType<TableShape>()
            .SelectMany(s => s.Columns.Concat(s.Table.Columns))
            .Select(c => c.Name)
            .Where(n => !kept.Contains(n))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return others.Count == 0
            ? "coalesce(l.v, '{}'::jsonb)"
            : $"(coalesce(l.v, '{{}}'::jsonb) - ARRAY[{string.Join(", ", others.Select(Sql.Literal))}]::text[])";
    }

    /// <summary>A view of <paramref name="reader"/>'s schema must exist and return exactly what its query returns now.</summary>
    public async Task<string?> ViewAsync(NpgsqlConnection connection, View view, AppVersion reader, CancellationToken cancellationToken)
    {
        ViewChecks++;
        var definition = view.Definition.Trim().TrimEnd(';');
        var sql = view.Kind == ViewKind.Materialized
            ? EmbeddedSql.Fill("Rehearsal.view_readable", ("view", view.Name.Sql))
            : EmbeddedSql.Fill("Rehearsal.view_matches_definition", ("view", view.Name.Sql), ("definition", definition));
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.CommandTimeout = 0;
            var differing = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return differing is long n && n > 0
                ? $"view {view.Name} returns {n} row(s) that differ from its query over the base tables as the {Name(reader)} version defines it"
                : null;
        }
        catch (PostgresException ex)
        {
            return $"view {view.Name}, which the {Name(reader)} version reads, fails: {ex.SqlState}: {ex.MessageText}";
        }
    }

    public static string Name(AppVersion version) => version == AppVersion.Old ? "old" : "new";
}
