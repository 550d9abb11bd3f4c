using System.Globalization;
using Npgsql;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Writes and reads one watched table the way one app version does: its names, its columns, parameters typed
/// as Npgsql sends them (strings as text, enums and JSON by their type name). Values come from sample rows of
/// that version's shape (so CHECKs and foreign keys hold), with fresh keys and unique values.
/// </summary>
internal sealed class ShapeWriter
{
    private readonly TableShape shape;
    private readonly SchemaModel model;
    private readonly TableLedger ledger;
    private readonly AppVersion version;
    private readonly List<Column> columns;
    private readonly HashSet<string> unique;
    private readonly IReadOnlyDictionary<string, string> otherTypes;
    private List<object?[]>? samples;

    /// <param name="alsoUnique">Columns of this shape that are unique in the other version's schema: the app keeps them unique too.</param>
    /// <param name="otherTypes">The other version's type of each column it shares as is: fresh values fit both.</param>
    public ShapeWriter(TableShape shape, SchemaModel model, TableLedger ledger, AppVersion version, IEnumerable<string> alsoUnique, IReadOnlyDictionary<string, string> otherTypes)
    {
        this.otherTypes = otherTypes;
        this.shape = shape;
        this.model = model;
        this.ledger = ledger;
        this.version = version;
        // Apps leave identity and serial columns to the database.
        columns = shape.Writable.Where(c => c.Identity == IdentityKind.None && c.Default?.StartsWith("nextval(", StringComparison.Ordinal) != true).ToList();
        unique = shape.Table.Constraints.Where(c => c.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey or ConstraintKind.Exclusion).SelectMany(c => c.Columns)
            .Concat(shape.Table.Indexes.Where(i => i.Unique).SelectMany(i => i.Keys))
            .Concat(alsoUnique)
            .ToHashSet(StringComparer.Ordinal);
        var foreignKeyColumns = shape.Table.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey).SelectMany(c => c.Columns).ToHashSet(StringComparer.Ordinal);
        // A unique foreign key (one-to-one) would need a parent nobody references yet: such tables get no inserts.
        CanInsert = !unique.Overlaps(foreignKeyColumns)
            && columns.Where(c => unique.Contains(c.Name)).All(c => FreshValue(c, 0, null) is not null)
            && shape.Key.All(k => columns.Any(c => c.Name == k) || shape.Column(k).Default is not null || shape.Column(k).Identity != IdentityKind.None);
    }

    public TableShape Shape => shape;

    public TableMapping Mapping => ledger.Mapping;

    public bool CanInsert { get; }

    public string ReadJson(string alias) => ReadTypes.JsonObject(alias, shape.Columns, model);

    public string KeyTextList(string alias) => string.Join(", ", shape.Key.Select(k => $"{alias}.{Sql.Quote(k)}::text"));

    public string KeyCondition(string alias, int firstParameter) =>
        string.Join(" AND ", shape.Key.Select((k, i) => $"{alias}.{Sql.Quote(k)} = CAST(${firstParameter + i} AS {ReadTypes.Of(shape.Column(k), model)})"));

    public static IEnumerable<NpgsqlParameter> KeyParameters(IReadOnlyList<string?> key) =>
        key.Select(k => new NpgsqlParameter { Value = (object?)k ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });

    /// <summary>Sample rows of this version's shape, read once when the version first writes the table.</summary>
    public async Task EnsureSamplesAsync(NpgsqlConnection connection, TableMapping mapping, CancellationToken cancellationToken)
    {
        if (samples is not null)
        {
            return;
        }

        var direct = EmbeddedSql.Fill("Rehearsal.samples", ("columns", string.Join(", ", columns.Select(c => Sql.Quote(c.Name)).DefaultIfEmpty("1"))), ("table", shape.Name.Sql));
        var sql = version == AppVersion.Old || mapping.Old is null
            ? direct
            : EmbeddedSql.Fill(
                "Rehearsal.samples_from_old",
                ("columns", string.Join(", ", columns.Select(c => SampleExpression(c, mapping) + " AS " + Sql.Quote(c.Name)).DefaultIfEmpty("1"))),
                ("table", mapping.Old.Name.Sql));
        try
        {
            samples = await ReadRowsAsync(connection, sql, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException) when (sql != direct)
        {
            // The old shape is gone (a later release): this version's own rows serve as samples.
            samples = await ReadRowsAsync(connection, direct, cancellationToken).ConfigureAwait(false);
        }

        if (samples.Count == 0)
        {
            // An empty table (or one only this version has): rows made from the types alone.
            var generated = columns.Select(c => SeedValues.Expression(c.Type, model.FindEnum(c.TypeName)?.Values, model.Domains.FirstOrDefault(d => d.Name == c.TypeName)?.BaseType, null) + " AS " + Sql.Quote(c.Name));
            // Only rows the table's CHECKs accept (a type the generator cannot make leaves the app without inserts).
            var checks = shape.Table.Constraints.Where(c => c.Kind == ConstraintKind.Check).Select(c => "(" + SyntheticRows.CheckExpression(c.Definition) + ")").ToList();
            try
            {
                samples = await ReadRowsAsync(
                    connection,
                    EmbeddedSql.Fill("Rehearsal.generated_samples", ("columns", string.Join(", ", generated.DefaultIfEmpty("1"))), ("checks", string.Join(" AND ", checks.DefaultIfEmpty("true")))),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException)
            {
                samples = [];
            }
        }

        await FillForeignKeysAsync(connection, cancellationToken).ConfigureAwait(false);
        KeepToLabels();
    }

    /// <summary>An enum value this version's type lacks (a removed label) becomes one of its labels.</summary>
    private void KeepToLabels()
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (model.FindEnum(columns[i].TypeName) is not { Values.Count: > 0 } type || columns[i].Type.EndsWith("[]", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var row in samples!)
            {
                if (row[i] is string label && !type.Values.Contains(label))
                {
                    row[i] = type.Values[0];
                }
            }
        }
    }

    private async Task<List<object?[]>> ReadRowsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Foreign key columns point at parent rows that exist now (samples may name rows since deleted).</summary>
    private async Task FillForeignKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var fk in shape.Table.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey && c.ReferencedTable is not null))
        {
            var indexes = fk.Columns.Select(c => columns.FindIndex(x => x.Name == c)).ToList();
            if (indexes.Any(i => i < 0))
            {
                continue;
            }

            var parents = new List<object?[]>();
            await using (var command = new NpgsqlCommand(
                EmbeddedSql.Fill("Rehearsal.parent_keys", ("columns", string.Join(", ", fk.ReferencedColumns.Select(Sql.Quote))), ("table", fk.ReferencedTable!.Sql), ("not_null", string.Join(" AND ", fk.ReferencedColumns.Select(c => Sql.Quote(c) + " IS NOT NULL")))), connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    parents.Add(Enumerable.Range(0, fk.Columns.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
                }
            }

            if (parents.Count == 0)
            {
                // No parent row to point at: NULL where allowed, else this version cannot insert here.
                if (fk.Columns.Any(c => shape.Column(c).NotNull))
                {
                    samples!.Clear();
                    return;
                }

                foreach (var row in samples!)
                {
                    foreach (var index in indexes)
                    {
                        row[index] = null;
                    }
                }

                continue;
            }

            for (var s = 0; s < samples!.Count; s++)
            {
                var parent = parents[s % parents.Count];
                for (var i = 0; i < indexes.Count; i++)
                {
                    samples[s][indexes[i]] = parent[i];
                }
            }
        }
    }

    /// <summary>A new-shape column of a sample row, derived from an old row (or made from its type).</summary>
    private string SampleExpression(Column column, TableMapping mapping)
    {
        var seed = SeedValues.Expression(column.Type, model.FindEnum(column.TypeName)?.Values, model.Domains.FirstOrDefault(d => d.Name == column.TypeName)?.BaseType, null);
        return mapping.Forward.TryGetValue(column.Name, out var expression)
            ? $"CAST(({expression}) AS {column.Type})"
            : column.Default is not null ? $"({column.Default})" : seed;
    }

    /// <summary>INSERT … RETURNING key, values: a sample row with a fresh key and fresh unique values.</summary>
    public ShapeWrite? Insert(NpgsqlConnection connection, Random random, Func<Column, object?>? overrideValue = null, int? sampleIndex = null)
    {
        if (!CanInsert || samples is not { Count: > 0 })
        {
            return null;
        }

        var sample = samples[(sampleIndex ?? random.Next(samples.Count)) % samples.Count];
        var n = ledger.Next();
        var command = new NpgsqlCommand { Connection = connection };
        var names = new List<string>();
        var values = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var value = unique.Contains(column.Name) ? FreshValue(column, n, sample[i]) : sample[i];
            if (overrideValue is not null && overrideValue(column) is { } replaced)
            {
                value = replaced is DBNull ? null : replaced;
            }

            names.Add(Sql.Quote(column.Name));
            values.Add(Parameter(command, column, value));
        }

        command.CommandText = names.Count == 0
            ? EmbeddedSql.Fill("Rehearsal.shape_insert_defaults", ("table", shape.Name.Sql), ("returning", Returning()))
            : EmbeddedSql.Fill("Rehearsal.shape_insert", ("table", shape.Name.Sql), ("columns", string.Join(", ", names)), ("values", string.Join(", ", values)), ("returning", Returning()));
        return new ShapeWrite(command, WrittenCheck(command, columns.Select((c, i) => (c, i + 1))));
    }

    /// <summary>UPDATE of every non-key, non-unique column from another sample row, by key.</summary>
    public ShapeWrite? Update(NpgsqlConnection connection, Random random, LedgerRow row)
    {
        var updatable = columns.Select((c, i) => (c, i)).Where(p => !shape.Key.Contains(p.c.Name) && !unique.Contains(p.c.Name)).ToList();
        if (updatable.Count == 0 || samples is not { Count: > 0 } || shape.Key.Count == 0)
        {
            return null;
        }

        var sample = samples[random.Next(samples.Count)];
        var command = new NpgsqlCommand { Connection = connection };
        foreach (var key in KeyParameters(row.Key))
        {
            command.Parameters.Add(key);
        }

        var sets = updatable.Select(p => $"{Sql.Quote(p.c.Name)} = {Parameter(command, p.c, sample[p.i])}").ToList();
        command.CommandText = EmbeddedSql.Fill("Rehearsal.shape_update", ("table", shape.Name.Sql), ("sets", string.Join(", ", sets)), ("key", KeyCondition("t", 1)), ("returning", Returning()));
        return new ShapeWrite(command, WrittenCheck(command, updatable.Select((p, i) => (p.c, shape.Key.Count + i + 1))));
    }

    public NpgsqlCommand Delete(NpgsqlConnection connection, LedgerRow row)
    {
        var command = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.shape_delete", ("table", shape.Name.Sql), ("key", KeyCondition("t", 1))), connection);
        command.Parameters.AddRange(KeyParameters(row.Key).ToArray());
        return command;
    }

    public NpgsqlCommand Select(NpgsqlConnection connection, LedgerRow row)
    {
        var command = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.shape_select", ("row", ReadJson("t")), ("table", shape.Name.Sql), ("key", KeyCondition("t", 1))), connection);
        command.Parameters.AddRange(KeyParameters(row.Key).ToArray());
        return command;
    }

    /// <summary>
    /// A query that is true when the values a write returned contain what it wrote, each read as this version
    /// reads it: a value the database truncated, rounded or shifted on the way in is caught at once.
    /// </summary>
    private NpgsqlCommand WrittenCheck(NpgsqlCommand write, IEnumerable<(Column Column, int Parameter)> written)
    {
        var check = new NpgsqlCommand();
        var pairs = new List<(string, string)>();
        foreach (var (column, parameter) in written)
        {
            var source = write.Parameters[parameter - 1];
            check.Parameters.Add(source.Clone());
            var placeholder = "$" + check.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            var typed = source.Value is string && SeedValues.Base(column.Type) is not ("text" or "character varying" or "character" or "citext" or "name") ? $"CAST({placeholder} AS {column.Type})" : placeholder;
            pairs.Add((column.Name, $"CAST({typed} AS {ReadTypes.Of(column, model)})"));
        }

        check.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        // A NULL written may be filled in (a sync trigger, a hint's coalesce): only values written must come back.
        check.CommandText = EmbeddedSql.Fill("Rehearsal.written_check", ("expected", "$" + check.Parameters.Count.ToString(CultureInfo.InvariantCulture)), ("written", ReadTypes.JsonObject(pairs)));
        return check;
    }

    private string Returning() => (shape.Key.Count > 0 ? KeyTextList("t") + ", " : "") + ReadJson("t") + "::text";

    /// <summary>Adds a parameter typed the way Npgsql types it for this column and returns its placeholder.</summary>
    private string Parameter(NpgsqlCommand command, Column column, object? value)
    {
        var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
        var enumType = model.FindEnum(column.TypeName);
        if (enumType is not null)
        {
            parameter.DataTypeName = column.TypeName.Sql + (column.Type.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "");
        }
        else if (SeedValues.Base(column.Type) is "json" or "jsonb" && value is string)
        {
            parameter.DataTypeName = SeedValues.Base(column.Type);
        }
        else if (value is null)
        {
            parameter.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Unknown;
        }

        command.Parameters.Add(parameter);
        var placeholder = "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        // Types Npgsql has no CLR mapping for travel as text with a cast, as an app would write them.
        return value is string && enumType is null && SeedValues.Base(column.Type) is not ("text" or "character varying" or "character" or "json" or "jsonb" or "citext" or "name")
            ? $"CAST({placeholder} AS {column.Type})"
            : placeholder;
    }

    /// <summary>
    /// A value no other row has, from the ledger's counter (a string keeps the sample's end, so patterns such as
    /// an e-mail's domain still match its CHECK); null when the type has none to offer.
    /// </summary>
    private object? FreshValue(Column column, long n, object? sample)
    {
        var tag = version == AppVersion.Old ? "o" : "n";
        return SeedValues.Base(column.Type) switch
        {
            "smallint" => (short)(20_000 + (n % 12_000)),
            "integer" => (int)(1_500_000_000 + n),
            "bigint" => 1_500_000_000L + n,
            "numeric" => 900_000m + n,
            "text" or "character varying" or "character" or "citext" => Fit($"{tag}{n}{(sample is string s ? "-" + s : "")}", otherTypes.TryGetValue(column.Name, out var other) ? SeedValues.Narrower(column.Type, other) : column.Type),
            "uuid" => new Guid((int)n, (short)(version == AppVersion.Old ? 1 : 2), 0x5053, [0, 0, 0, 0, 0, 0, 0, 1]),
            _ => null,
        };
    }

    /// <summary>Cut to the type's length, keeping the unique prefix (tag and number) and as much of the end as fits.</summary>
    private static string Fit(string value, string type)
    {
        var open = type.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !int.TryParse(type[(open + 1)..type.IndexOf(')', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || value.Length <= length)
        {
            return value;
        }

        // The tag and number, a dash, then the sample's end: unique, since the part before the first dash is.
        var prefix = value.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? value[..dash] : value;
        return prefix.Length + 1 >= length ? prefix[..Math.Min(prefix.Length, length)] : prefix + "-" + value[^(length - prefix.Length - 1)..];
    }
}
