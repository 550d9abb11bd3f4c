using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>The key, every column that follows it through foreign keys, and what the swap must move.</summary>
internal sealed partial class BigintKeyGroup
{
    private readonly PlanningContext context;

    private BigintKeyGroup(PlanningContext context) => this.context = context;

    /// <summary>Tables to lock, parents before children.</summary>
    public List<QualifiedName> LockOrder { get; } = [];

    public Dictionary<QualifiedName, List<BigintShadow>> Columns { get; } = [];

    public IEnumerable<QualifiedName> ShadowedTables => LockOrder.Where(Columns.ContainsKey);

    public IEnumerable<BigintShadow> All => ShadowedTables.SelectMany(t => Columns[t]);

    public List<BigintKey> Keys { get; } = [];

    public List<BigintMovedConstraint> Constraints { get; } = [];

    public List<BigintCopiedIndex> Indexes { get; } = [];

    public List<View> ViewsUp { get; private set; } = [];

    public List<View> ViewsDown { get; private set; } = [];

    public static BigintKeyGroup Build(AlterColumn alter, PlanningContext context)
    {
        var group = new BigintKeyGroup(context);
        var parent = alter.TableName;
        var parentTable = context.From.FindTable(parent)!;
        group.Add(parent, alter);
        foreach (var other in context.Changes.Select(c => c.Change).OfType<AlterColumn>()
                     .Where(a => a.TableName == parent && !ReferenceEquals(a, alter) && parentTable.PrimaryKey!.Columns.Contains(a.Old.Name) && IsWidening(a)))
        {
            group.Add(parent, other);
        }

        // Follow foreign keys from every shadowed column to the columns referencing it, until nothing changes.
        bool grew;
        do
        {
            grew = false;
            foreach (var (child, fk) in context.From.Tables.SelectMany(t => t.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey).Select(c => (t.Name, c))).ToList())
            {
                if (fk.ReferencedTable is not { } referenced || !group.Columns.TryGetValue(referenced, out var shadowed))
                {
                    continue;
                }

                for (var i = 0; i < fk.Columns.Count && i < fk.ReferencedColumns.Count; i++)
                {
                    if (shadowed.All(s => s.Old.Name != fk.ReferencedColumns[i]))
                    {
                        continue;
                    }

                    if (!group.LockOrder.Contains(child))
                    {
                        group.LockOrder.Add(child);
                        grew = true;
                    }

                    var column = fk.Columns[i];
                    if (group.Columns.TryGetValue(child, out var existing) && existing.Any(s => s.Old.Name == column))
                    {
                        continue;
                    }

                    var widening = context.Changes.Select(c => c.Change).OfType<AlterColumn>()
                        .FirstOrDefault(a => a.TableName == child && a.Old.Name == column && a.New.Name == column && IsWidening(a) && !context.IsClaimed(a));
                    if (widening is not null)
                    {
                        group.Add(child, widening);
                        grew = true;
                    }
                }
            }
        }
        while (grew);

        group.Collect();
        return group;
    }

    /// <summary>The refusal's way out: the allow entry that applies the column's type change as-is.</summary>
    private string OrAsIs(QualifiedName table, string column) =>
        context.Changes.FirstOrDefault(c => c.Change is AlterColumn a && a.TableName == table && a.Old.Name == column) is { } classified
            ? "; or accept the change as-is (a rewrite under ACCESS EXCLUSIVE) with " + AllowSuggestion.For(classified)
            : "";

    private static bool IsWidening(AlterColumn alter) =>
        alter.Changed.HasFlag(ColumnChange.Type) && TypeChanges.IsIntegerWidening(alter.Old.Type, alter.New.Type);

    private void Add(QualifiedName table, AlterColumn alter)
    {
        context.Claim(alter);
        if (!LockOrder.Contains(table))
        {
            LockOrder.Add(table);
        }

        if (!Columns.TryGetValue(table, out var list))
        {
            Columns[table] = list = [];
        }

        var (old, desired) = (alter.Old, alter.New);
        Sequence? oldSequence = null;
        Sequence? desiredSequence = null;
        if (old.Identity != IdentityKind.None || desired.Identity != IdentityKind.None)
        {
            if (old.Identity == IdentityKind.None || desired.Identity == IdentityKind.None)
            {
                throw new SchemaPlannerException(
                    ErrorKind.Planning,
                    $"{table.Member(old.Name)} changes to bigint and between identity and a plain column at once; the bigint-primary-key recipe moves an identity or a serial sequence as it is: change the type first, the identity in a later plan" + OrAsIs(table, old.Name));
            }
        }
        else if (old.Default is not null && context.From.Sequences.FirstOrDefault(s => s.OwnedByTable == table && s.OwnedByColumn == old.Name) is { } owned
                 && old.Default.Contains(owned.Name.Name, StringComparison.Ordinal))
        {
            oldSequence = owned;
            desiredSequence = context.To.Sequences.FirstOrDefault(s => s.Name == owned.Name)
                ?? throw new SchemaPlannerException(
                    ErrorKind.Planning,
                    $"{table.Member(old.Name)} changes to bigint and its sequence {owned.Name} is not in the desired schema; keep the sequence (bigserial keeps its name) or change it in a later plan" + OrAsIs(table, old.Name));
            foreach (var sequenceChange in context.Changes.Select(c => c.Change).OfType<AlterSequence>().Where(s => s.Old.Name == owned.Name))
            {
                context.Claim(sequenceChange);
            }
        }

        list.Add(new BigintShadow(table, old, desired) { OldSequence = oldSequence, DesiredSequence = desiredSequence });
    }

    private bool IsShadowed(QualifiedName table, string column) =>
        Columns.TryGetValue(table, out var list) && list.Any(c => c.Old.Name == column);

    private BigintShadow Column(QualifiedName table, string column) => Columns[table].First(c => c.Old.Name == column);

    private string OnShadows(QualifiedName table, string definition, Func<BigintShadow, string> name)
    {
        foreach (var column in Columns[table])
        {
            definition = SqlIdentifiers.Rename(definition, column.Old.Name, name(column));
        }

        return definition;
    }

    private bool MentionsShadowed(QualifiedName table, string sql) =>
        Columns.TryGetValue(table, out var list) && list.Any(c => SqlIdentifiers.Mentions(sql, c.Old.Name));

    /// <summary>The constraints, indexes and views the swap must move, and the changes of the diff they make redundant.</summary>
    private void Collect()
    {
        foreach (var table in context.From.Tables)
        {
            var desiredTable = context.To.FindTable(table.Name);
            foreach (var constraint in table.Constraints)
            {
                var desired = desiredTable?.Constraints.FirstOrDefault(c => c.Name == constraint.Name && c.Kind == constraint.Kind);
                switch (constraint.Kind)
                {
                    case ConstraintKind.PrimaryKey or ConstraintKind.Unique when constraint.Columns.Any(c => IsShadowed(table.Name, c)):
                    {
                        var index = table.Indexes.First(i => i.Constraint == constraint.Name);
                        var desiredIndex = desired is null ? null : desiredTable!.Indexes.FirstOrDefault(i => i.Constraint == desired.Name);
                        var copy = Sql.ShortName(constraint.Name + "_sp_new");
                        var rollback = Sql.ShortName(constraint.Name + "_sp_old");
                        var copyDefinition = OnShadows(table.Name, SqlIdentifiers.Rename((desiredIndex ?? index).Definition, (desiredIndex ?? index).Name, copy), c => c.Shadow);
                        var rollbackDefinition = OnShadows(table.Name, SqlIdentifiers.Rename(index.Definition, index.Name, rollback), c => c.Retired);
                        Keys.Add(new BigintKey(table.Name, constraint, desired, copy, copyDefinition, rollback, rollbackDefinition));
                        ClaimConstraint(table.Name, constraint.Name);
                        break;
                    }

                    case ConstraintKind.ForeignKey when constraint.Columns.Any(c => IsShadowed(table.Name, c))
                                                        || (constraint.ReferencedTable is { } referenced && constraint.ReferencedColumns.Any(c => IsShadowed(referenced, c))):
                    case ConstraintKind.Check when MentionsShadowed(table.Name, constraint.Definition):
                        Constraints.Add(new BigintMovedConstraint(table.Name, constraint, desired));
                        ClaimConstraint(table.Name, constraint.Name);
                        break;
                    case ConstraintKind.Exclusion when MentionsShadowed(table.Name, constraint.Definition):
                        throw new SchemaPlannerException(
                            ErrorKind.Planning,
                            $"exclusion constraint {Sql.Quote(constraint.Name)} on {table.Name} uses a column that changes to bigint; it cannot be moved to the new column online (exclusion constraints cannot be added NOT VALID): drop it in an earlier plan" +
                            OrAsIs(table.Name, Columns[table.Name].First(c => SqlIdentifiers.Mentions(constraint.Definition, c.Old.Name)).Old.Name));
                }
            }

            if (!Columns.ContainsKey(table.Name))
            {
                continue;
            }

            foreach (var index in table.Indexes.Where(i => i.Constraint is null && MentionsShadowed(table.Name, i.Definition)))
            {
                var desired = desiredTable?.Indexes.FirstOrDefault(i => i.Name == index.Name && i.Constraint is null);
                if (desired is null)
                {
                    // The diff drops it: it goes with the retired column.
                    continue;
                }

                var copy = Sql.ShortName(index.Name + "_sp_new");
                var definition = OnShadows(table.Name, SqlIdentifiers.Rename(desired.Definition, desired.Name, copy), c => c.Shadow);
                Indexes.Add(new BigintCopiedIndex(table.Name, index, desired, copy, definition, Sql.ShortName(index.Name + "_sp_old")));
                foreach (var indexChange in context.Changes.Select(c => c.Change))
                {
                    if ((indexChange is AddIndex add && add.TableName == table.Name && add.Index.Name == index.Name)
                        || (indexChange is DropIndex drop && drop.TableName == table.Name && drop.Index.Name == index.Name))
                    {
                        context.Claim(indexChange);
                    }
                }
            }
        }

        ViewsUp = DependentViews.Of(context.To, LockOrder);
        ViewsDown = DependentViews.Of(context.From, LockOrder);
        DependentViews.Claim(context, [.. ViewsUp, .. ViewsDown]);
    }

    private void ClaimConstraint(QualifiedName table, string name)
    {
        foreach (var constraintChange in context.Changes.Select(c => c.Change))
        {
            if ((constraintChange is AddConstraint add && add.TableName == table && add.Constraint.Name == name)
                || (constraintChange is DropConstraint drop && drop.TableName == table && drop.Constraint.Name == name)
                || (constraintChange is ValidateConstraint validate && validate.TableName == table && validate.Constraint.Name == name))
            {
                context.Claim(constraintChange);
            }
        }
    }

    /// <summary>shadow := column, per table.</summary>
    public IReadOnlyList<Assignment> Forward(QualifiedName table) =>
        Columns[table].Select(c => new Assignment(c.Shadow, $"{Sql.Quote(c.Old.Name)}::{c.Desired.Type}")).ToList();

    /// <summary>Before the swap: one direction is enough, the app writes the old column only.</summary>
    public SyncTriggerData Sync(QualifiedName table)
    {
        var (function, trigger) = RecipeSteps.SyncNames(table, "bigint_" + string.Join("_", Columns[table].Select(c => c.Old.Name)));
        return new SyncTriggerData(table, function, trigger, [.. Columns[table].Select(c => c.Old.Name)], [.. Columns[table].Select(c => c.Shadow)], Forward(table), []);
    }

    /// <summary>After the swap: the retired columns get every new value that fits the old type (NULL otherwise).</summary>
    public SyncTriggerData Keep(QualifiedName table)
    {
        var (function, trigger) = RecipeSteps.SyncNames(table, "retired_" + string.Join("_", Columns[table].Select(c => c.Old.Name)));
        return new SyncTriggerData(
            table, function, trigger, [], [.. Columns[table].Select(c => c.Retired)],
            [.. Columns[table].Select(c => new Assignment(c.Retired, Narrow(Sql.Quote(c.Old.Name), c.Old.Type)))], []);
    }

    private static string Narrow(string column, string type) => type switch
    {
        "smallint" => $"CASE WHEN {column} BETWEEN -32768 AND 32767 THEN {column}::smallint END",
        "integer" => $"CASE WHEN {column} BETWEEN -2147483648 AND 2147483647 THEN {column}::integer END",
        _ => $"{column}::{type}",
    };
}
