using Npgsql;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Writes that must be rejected, sent through one app version's shape for every constraint that holds in both
/// schemas (UNIQUE and PRIMARY KEY: a duplicate; FOREIGN KEY: an orphan; NOT NULL: a NULL, which may also be
/// filled in by a sync trigger but never stored; single-column CHECK: a value that fails it). Each runs inside a
/// transaction that is rolled back, after a control insert of the same row without the violation succeeded.
/// </summary>
internal sealed class ConstraintProbes(BoundaryChecks checks)
{
    private static readonly Random Random = new(99);

    public int Rejected { get; private set; }

    /// <summary>The writers of the watched tables by the name one version uses (for ON DELETE probes on a parent).</summary>
    public Func<AppVersion, QualifiedName, ShapeWriter?> WriterFor { get; init; } = (_, _) => null;

    public async Task<string?> RunAsync(NpgsqlConnection connection, TableLedger ledger, ShapeWriter writer, AppVersion version, CancellationToken cancellationToken)
    {
        try
        {
            return await ProbeAllAsync(connection, ledger, writer, version, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            // Reading the samples or the existing values failed: the version's shape is not there to be probed.
            return $"{writer.Shape.Name}: the {BoundaryChecks.Name(version)} version's writes cannot be probed: {ex.SqlState}: {ex.MessageText}";
        }
    }

    private async Task<string?> ProbeAllAsync(NpgsqlConnection connection, TableLedger ledger, ShapeWriter writer, AppVersion version, CancellationToken cancellationToken)
    {
        var mapping = ledger.Mapping;
        var shape = writer.Shape;
        if (!writer.CanInsert)
        {
            return null;
        }

        await writer.EnsureSamplesAsync(connection, mapping, cancellationToken).ConfigureAwait(false);
        var other = version == AppVersion.Old ? AppVersion.New : AppVersion.Old;
        var otherShape = mapping.Shape(other);
        var toOther = mapping.Derivation(version, other);
        string? Counterpart(string column) =>
            otherShape is null ? column
            : otherShape.Columns.FirstOrDefault(c => toOther.TryGetValue(c.Name, out var e) && e == Sql.Quote(column))?.Name;
        bool HoldsInBoth(Constraint constraint)
        {
            if (otherShape is null)
            {
                return true;
            }

            var mapped = constraint.Columns.Select(Counterpart).ToList();
            return mapped.All(c => c is not null) && otherShape.Table.Constraints.Any(o => o.Kind == constraint.Kind && o.Columns.SequenceEqual(mapped!));
        }

        foreach (var constraint in shape.Table.Constraints.Where(HoldsInBoth))
        {
            var failure = constraint.Kind switch
            {
                ConstraintKind.PrimaryKey or ConstraintKind.Unique => await DuplicateAsync(connection, writer, constraint, cancellationToken).ConfigureAwait(false),
                ConstraintKind.ForeignKey => await OrphanAsync(connection, writer, constraint, cancellationToken).ConfigureAwait(false)
                    ?? await OnDeleteAsync(connection, writer, constraint, version, cancellationToken).ConfigureAwait(false),
                ConstraintKind.Check when constraint.Columns.Count == 1 => await FailingCheckAsync(connection, writer, constraint, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            if (failure is not null)
            {
                return $"{shape.Name}: {constraint.Name} ({constraint.Definition}) is not enforced for the {BoundaryChecks.Name(version)} version: {failure}";
            }
        }

        foreach (var column in shape.Writable.Where(c => c.NotNull && c.Default is null && (otherShape is null || Counterpart(c.Name) is { } o && otherShape.Column(o).NotNull)))
        {
            var failure = await ProbeAsync(connection, writer, c => c.Name == column.Name ? DBNull.Value : null, "23502", column.Name, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return $"{shape.Name}: NOT NULL on {Sql.Quote(column.Name)} is not enforced for the {BoundaryChecks.Name(version)} version: {failure}";
            }
        }

        return null;
    }

    private async Task<string?> DuplicateAsync(NpgsqlConnection connection, ShapeWriter writer, Constraint constraint, CancellationToken cancellationToken)
    {
        var shape = writer.Shape;
        if (constraint.Columns.Any(c => shape.Column(c).Default?.StartsWith("nextval(", StringComparison.Ordinal) == true || shape.Column(c).Identity != IdentityKind.None))
        {
            return null;
        }

        var existing = new Dictionary<string, object>(StringComparer.Ordinal);
        var columns = string.Join(", ", constraint.Columns.Select(Sql.Quote));
        await using (var read = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.probe_existing_values", ("columns", columns), ("table", shape.Name.Sql), ("not_null", string.Join(" AND ", constraint.Columns.Select(c => Sql.Quote(c) + " IS NOT NULL")))), connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            for (var i = 0; i < constraint.Columns.Count; i++)
            {
                existing[constraint.Columns[i]] = reader.GetValue(i);
            }
        }

        return await ProbeAsync(connection, writer, c => existing.GetValueOrDefault(c.Name), "23505", "a duplicate of an existing row", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> OrphanAsync(NpgsqlConnection connection, ShapeWriter writer, Constraint constraint, CancellationToken cancellationToken)
    {
        var orphans = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var name in constraint.Columns)
        {
            object? orphan = SeedValues.Base(writer.Shape.Column(name).Type) switch
            {
                // Positive and far past any key the rows have: CHECKs such as "id > 0" must not be what rejects it.
                // Within integer's range too: during a widening the column may still be an integer.
                "integer" => 2_111_111_111,
                "bigint" => 2_111_111_111L,
                "smallint" => (short)32_111,
                "text" or "character varying" => "sp-orphan",
                "uuid" => Guid.Empty,
                _ => null,
            };
            if (orphan is null)
            {
                return null;
            }

            orphans[name] = orphan;
        }

        return await ProbeAsync(connection, writer, c => orphans.GetValueOrDefault(c.Name), "23503", "a reference to a row that does not exist", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The foreign key's ON DELETE action, exercised: a new parent row, a child pointing at it, the parent deleted;
    /// CASCADE must take the child along, SET NULL clear its reference, NO ACTION and RESTRICT refuse the delete.
    /// All in a transaction that is rolled back.
    /// </summary>
    private async Task<string?> OnDeleteAsync(NpgsqlConnection connection, ShapeWriter child, Constraint fk, AppVersion version, CancellationToken cancellationToken)
    {
        if (fk.ReferencedTable is not { } parentName || fk.Deferrable || fk.OnDelete is not ("NO ACTION" or "RESTRICT" or "CASCADE" or "SET NULL")
            || WriterFor(version, parentName) is not { CanInsert: true, Shape.Key.Count: > 0 } parent || child.Shape.Key.Count == 0)
        {
            return null;
        }

        await parent.EnsureSamplesAsync(connection, parent.Mapping, cancellationToken).ConfigureAwait(false);
        var model = checks.Model(version);
        await ExecuteAsync(connection, "BEGIN", cancellationToken).ConfigureAwait(false);
        try
        {
            // The parent row, and the values its referenced columns got, typed as the child's columns are.
            if (parent.Insert(connection, Random) is not { } insertParent)
            {
                return null;
            }

            string parentValues;
            var parentKey = new List<string?>();
            await using (var command = insertParent.Command)
            {
                try
                {
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    for (var i = 0; i < parent.Shape.Key.Count; i++)
                    {
                        parentKey.Add(reader.IsDBNull(i) ? null : reader.GetString(i));
                    }

                    parentValues = reader.GetString(parent.Shape.Key.Count);
                }
                catch (PostgresException)
                {
                    return null;
                }
            }

            var references = new Dictionary<string, object>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand(
                EmbeddedSql.Fill("Rehearsal.probe_parent_key", ("columns", string.Join(", ", fk.ReferencedColumns.Select((c, i) => $"CAST($1::jsonb->>{Sql.Literal(c)} AS {ReadTypes.Of(child.Shape.Column(fk.Columns[i]), model)})")))), connection))
            {
                read.Parameters.AddWithValue(parentValues);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < fk.Columns.Count; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        return null;
                    }

                    references[fk.Columns[i]] = reader.GetValue(i);
                }
            }

            var childKey = new List<string?>();
            if (child.Insert(connection, Random, c => references.GetValueOrDefault(c.Name)) is not { } insertChild)
            {
                return null;
            }

            await using (var command = insertChild.Command)
            {
                try
                {
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < child.Shape.Key.Count; i++)
                    {
                        childKey.Add(reader.IsDBNull(i) ? null : reader.GetString(i));
                    }
                }
                catch (PostgresException)
                {
                    return null;
                }
            }

            await ExecuteAsync(connection, "SAVEPOINT sp_delete", cancellationToken).ConfigureAwait(false);
            await using (var delete = parent.Delete(connection, new LedgerRow(parentKey, version, parentValues, version, false)))
            {
                try
                {
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == "23503" && fk.OnDelete is "NO ACTION" or "RESTRICT")
                {
                    Rejected++;
                    return null;
                }
            }

            if (fk.OnDelete is "NO ACTION" or "RESTRICT")
            {
                return $"ON DELETE {fk.OnDelete}: deleting a referenced row of {parentName} was accepted";
            }

            await using var after = child.Select(connection, new LedgerRow(childKey, version, "{}", version, false));
            var row = await after.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (fk.OnDelete == "CASCADE" && row is not null)
            {
                return $"ON DELETE CASCADE: the child row (key {string.Join(", ", childKey)}) survived its parent's delete";
            }

            if (fk.OnDelete == "SET NULL" && (row is null || fk.Columns.Any(c => !row.Contains($"\"{c}\": null", StringComparison.Ordinal))))
            {
                return $"ON DELETE SET NULL: the child row (key {string.Join(", ", childKey)}) still points at the deleted parent, or is gone";
            }

            Rejected++;
            return null;
        }
        finally
        {
            await ExecuteAsync(connection, "ROLLBACK", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> FailingCheckAsync(NpgsqlConnection connection, ShapeWriter writer, Constraint constraint, CancellationToken cancellationToken)
    {
        var column = writer.Shape.Column(constraint.Columns[0]);
        var expression = SyntheticRows.CheckExpression(constraint.Definition);
        var candidates = SeedValues.Base(column.Type) switch
        {
            "integer" or "bigint" or "smallint" or "numeric" or "real" or "double precision" => new[] { "-1", "0", "-32000", "32000", "1000000000" },
            "text" or "character varying" or "character" => ["''", "'sp-not-allowed'", "' '", "repeat('x', 300)"],
            "date" or "timestamp without time zone" or "timestamp with time zone" => ["'1900-01-01'", "'2999-12-31'"],
            _ => [],
        };
        foreach (var candidate in candidates)
        {
            await using var test = new NpgsqlCommand(
                EmbeddedSql.Fill("Rehearsal.probe_candidate", ("candidate", candidate), ("type", column.Type), ("column", Sql.Quote(column.Name)), ("check", expression)), connection);
            object? failing;
            try
            {
                failing = await test.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException)
            {
                continue;
            }

            if (failing is string text)
            {
                return await ProbeAsync(connection, writer, c => c.Name == column.Name ? ValueFor(c, text) : null, "23514", $"{Sql.Quote(column.Name)} = {text}", cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private static object ValueFor(Column column, string text) => SeedValues.Base(column.Type) switch
    {
        "integer" => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        "bigint" => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        "smallint" => short.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        "numeric" => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => text,
    };

    /// <summary>Control insert, then the violating one; both rolled back. Null when the violation was rejected.</summary>
    private async Task<string?> ProbeAsync(NpgsqlConnection connection, ShapeWriter writer, Func<Column, object?> violation, string sqlState, string what, CancellationToken cancellationToken)
    {
        // The control and the violating insert start from the same sample row: only the violation differs.
        var sample = Random.Next(1_000_000);
        await ExecuteAsync(connection, "BEGIN", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "SAVEPOINT sp_control", cancellationToken).ConfigureAwait(false);
            try
            {
                var control = writer.Insert(connection, Random, sampleIndex: sample);
                if (control is null)
                {
                    return null;
                }

                await using var command = control.Command;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException)
            {
                // The row is not valid for another reason: this probe proves nothing either way.
                return null;
            }

            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT sp_control", cancellationToken).ConfigureAwait(false);
            var probe = writer.Insert(connection, Random, violation, sample);
            if (probe is null)
            {
                return null;
            }

            await using var violating = probe.Command;
            try
            {
                await using var reader = await violating.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var stored = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(writer.Shape.Key.Count) : null;
                if (sqlState == "23502" && stored is not null && !stored.Contains($"\"{what}\": null", StringComparison.Ordinal))
                {
                    // A sync trigger filled the column from the other shape: nothing NULL was stored.
                    Rejected++;
                    return null;
                }

                return $"{what} was accepted ({violating.CommandText})";
            }
            catch (PostgresException ex) when (ex.SqlState == sqlState)
            {
                Rejected++;
                return null;
            }
            catch (PostgresException ex)
            {
                return $"{what} was rejected for another reason: {ex.SqlState}: {ex.MessageText}";
            }
        }
        finally
        {
            await ExecuteAsync(connection, "ROLLBACK", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
