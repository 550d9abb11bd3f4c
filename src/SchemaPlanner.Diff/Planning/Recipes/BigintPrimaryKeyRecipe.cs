using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// integer → bigint on a primary key, with the foreign keys that reference it. Release 1 pre-deploy adds a
/// bigint shadow column beside the key and beside every referencing column that widens in the same diff, with a
/// trigger per table copying the key into its shadow; each table is backfilled in batches and verified. Release 1
/// post-deploy sets NOT NULL on the shadows (through a validated CHECK), builds the unique index of the new key
/// and copies of the other indexes on the shadows CONCURRENTLY, then one short transaction locks the tables
/// parent → child, drops the foreign keys and the old key, renames the columns (<c>col</c> → <c>col_sp_old</c>,
/// shadow → <c>col</c>), moves the serial sequence (<c>AS bigint</c>, <c>OWNED BY</c> the new column) or the
/// identity, sets the defaults, adds the key back <c>USING INDEX</c>, re-adds the foreign keys NOT VALID and
/// installs a trigger that keeps the retired columns filled for a rollback; the foreign keys are validated in
/// steps of their own. Release 2 post-deploy drops the retired columns and their triggers.
/// </summary>
/// <remarks>
/// Every release-1 step has a down file. The swap's down needs the old key's unique index and NOT NULL back
/// without a long lock: steps after the swap do nothing on the way up and, on the way down (they run before
/// the swap's down), build that index concurrently and validate a NOT NULL check on the retired columns.
/// While the swap is in place the retired columns hold the new values that fit the old type (NULL otherwise:
/// a rollback after keys outgrew the old type fails on that check rather than losing rows).
/// </remarks>
public sealed class BigintPrimaryKeyRecipe : Recipe
{
    public override string Name => Safety.Recipes.BigintPrimaryKey;

    public override int Priority => 20;

    /// <summary>
    /// A key that widens together with a column referencing it moves with it, even when the key's own table is small
    /// enough for its change to be safe alone: the foreign key ties the two.
    /// </summary>
    public override bool IsRequiredFor(ClassifiedChange change, PlanningContext context) =>
        !AcceptedAsIs(change) && change.Change is AlterColumn alter && KeyWidening.WithReferences(alter, context);

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Type)
            || !TypeChanges.IsIntegerWidening(alter.Old.Type, alter.New.Type)
            || context.From.FindTable(alter.TableName)?.PrimaryKey is not { } primaryKey
            || !primaryKey.Columns.Contains(alter.Old.Name))
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var group = KeyGroup.Build(alter, context);
        var parent = alter.TableName;
        var sequence = 0;

        // ---- release 1, pre-deploy: shadow columns and the triggers that fill them ----------------------------
        foreach (var table in group.ShadowedTables)
        {
            var columns = group.Columns[table];
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, sequence++, StepNames.Slug("add_shadow_" + table.Name), $"add bigint shadow column(s) {RecipeSteps.List(columns.Select(c => c.Shadow))} to {table} (nullable until backfilled)",
                RecipeSteps.Ddl([.. columns.Select(c => RecipeSteps.AddNullableColumn(table, c.Desired with { Name = c.Shadow, Collation = null }))]),
                RecipeSteps.Ddl([.. columns.Select(c => RecipeSteps.DropColumn(table, c.Shadow))])));
            output.Steps.Add(RecipeSteps.SyncTrigger(change, context, group.Sync(table), 1, Phase.PreDeploy, sequence++, $"copy {RecipeSteps.List(columns.Select(c => c.Old.Name))} of every write on {table} into the bigint shadow(s)"));
            foreach (var column in columns)
            {
                context.BackfilledColumns.Add((table, column.Desired.Name));
            }
        }

        // ---- backfill and verify -------------------------------------------------------------------------------
        foreach (var table in group.ShadowedTables)
        {
            output.Steps.Add(RecipeSteps.Backfill(change, context, table, group.Forward(table), 1, sequence++));
        }

        foreach (var table in group.ShadowedTables)
        {
            output.Steps.Add(RecipeSteps.Verify(change, table, group.Forward(table), [], 1, sequence++));
        }

        // ---- release 1, post-deploy: NOT NULL and indexes on the shadows ---------------------------------------
        foreach (var column in group.All.Where(c => c.Desired.NotNull))
        {
            foreach (var step in RecipeSteps.NotNull(change, context, column.Table, column.Shadow, 1, Phase.PostDeploy, sequence))
            {
                output.Steps.Add(step);
            }

            sequence += 3;
        }

        foreach (var key in group.Keys.Where(k => k.Desired is not null))
        {
            output.Steps.Add(RecipeSteps.CreateIndexConcurrently(
                change, new QualifiedName(key.Table.Schema, key.Copy), key.CopyDefinition, 1, Phase.PostDeploy, sequence++,
                $"build the unique index of the new {KeyKind(key.Old)} {Sql.Quote(key.Desired!.Name)} on {key.Table} concurrently, over the shadow column(s)"));
        }

        foreach (var index in group.Indexes)
        {
            output.Steps.Add(RecipeSteps.CreateIndexConcurrently(
                change, new QualifiedName(index.Table.Schema, index.Copy), index.CopyDefinition, 1, Phase.PostDeploy, sequence++,
                $"build {index.Copy} on the shadow column(s), a copy of {index.Desired.Name}"));
        }

        // On the way down this runs after the swap's down: the original constraints come back NOT VALID there.
        var revalidate = group.Constraints.Where(c => c.Old.Validated).ToList();
        if (revalidate.Count > 0)
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, sequence++, StepNames.Slug("rollback_validate_" + parent.Name), $"(rollback only) validate {RecipeSteps.List(revalidate.Select(c => c.Old.Name))} again once the swap is undone",
                RecipeSteps.Ddl(),
                RecipeSteps.Ddl([.. revalidate.Select(c => $"ALTER TABLE {c.Table.Sql} VALIDATE CONSTRAINT {Sql.Quote(c.Old.Name)}")])) with { StatementTimeout = "0" });
        }

        var swapTitle = $"swap {RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Old.Name)))} to bigint in one short transaction (locks {RecipeSteps.List(group.LockOrder.Select(t => t.ToString()))})";
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PostDeploy, sequence++, StepNames.Slug("swap_" + parent.Name + "_" + alter.Old.Name), swapTitle,
            new StepSql(group.SwapUp()),
            new StepSql(group.SwapDown())));

        foreach (var step in RollbackSteps.RollbackNotNull(change, context, group.All.Where(c => c.Old.NotNull).Select(c => (c.Table, c.Retired)).ToList(), 1, sequence))
        {
            output.Steps.Add(step);
        }

        sequence += 2;
        foreach (var key in group.Keys)
        {
            output.Steps.Add(RollbackSteps.DownOnlyIndex(change, context, new QualifiedName(key.Table.Schema, key.RollbackCopy), key.RollbackDefinition, 1, sequence++,
                $"(rollback only) rebuild the unique index of the original {KeyKind(key.Old)} {Sql.Quote(key.Old.Name)} on {key.Table} concurrently, over the retired column(s)"));
        }

        foreach (var constraint in group.Constraints.Where(c => c.Desired is { Validated: true }))
        {
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, sequence++, StepNames.Slug("validate_" + constraint.Desired!.Name), $"validate {Sql.Quote(constraint.Desired.Name)} on {constraint.Table} (re-added NOT VALID by the swap; scans without blocking writes)",
                RecipeSteps.Ddl($"ALTER TABLE {constraint.Table.Sql} VALIDATE CONSTRAINT {Sql.Quote(constraint.Desired.Name)}"),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        // ---- release 2, post-deploy: drop the retired columns --------------------------------------------------
        foreach (var table in group.ShadowedTables)
        {
            var columns = group.Columns[table];
            output.Steps.Add(RecipeSteps.DropSyncTrigger(change, context, group.Keep(table), 2, Phase.PostDeploy, sequence++));
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 2, Phase.PostDeploy, sequence++, StepNames.Slug("drop_retired_" + table.Name), $"drop the retired column(s) {RecipeSteps.List(columns.Select(c => c.Retired))} of {table}",
                RecipeSteps.Ddl([.. columns.Select(c => RecipeSteps.DropColumn(table, c.Retired))]), null,
                $"the retired {RecipeSteps.List(columns.Select(c => c.Retired))} are gone; {RecipeSteps.List(columns.Select(c => c.Old.Name))} hold every value as {RecipeSteps.List(columns.Select(c => c.Desired.Type).Distinct())}") with
            {
                SquawkIgnores = ["ban-drop-column"],
                SquawkReason = "the retired integer copies are no longer read by any app version",
            });
        }

        var widened = RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Old.Name)));
        output.AppInstructions.Add((1, $"Handle {widened} as 64-bit integers (bigint): the columns switch from integer to bigint in this release's post-deploy; names, values and the sequence stay."));
        output.AppInstructions.Add((2, $"Nothing new: the retired integer copies ({RecipeSteps.List(group.All.Select(c => c.Table.Member(c.Retired)))}) are dropped after this release is deployed."));
        RecipeSteps.SlugNames(change, output);
    }

    private static string KeyKind(Constraint constraint) => constraint.Kind == ConstraintKind.PrimaryKey ? "primary key" : "unique constraint";

    /// <summary>A column that gets a bigint shadow.</summary>
    private sealed record Shadowed(QualifiedName Table, Column Old, Column Desired)
    {
        public string Shadow => Sql.ShortName(Old.Name + "_sp_new");

        public string Retired => Sql.ShortName(Old.Name + "_sp_old");

        /// <summary>The serial sequence the old column owns (its default calls it), if any.</summary>
        public Sequence? OldSequence { get; init; }

        public Sequence? DesiredSequence { get; init; }
    }

    /// <summary>A primary key or unique constraint over shadowed columns, moved to a copy of its index.</summary>
    private sealed record Key(QualifiedName Table, Constraint Old, Constraint? Desired, string Copy, string CopyDefinition, string RollbackCopy, string RollbackDefinition);

    /// <summary>A foreign key or check that follows the shadowed columns: dropped and re-added NOT VALID.</summary>
    private sealed record Moved(QualifiedName Table, Constraint Old, Constraint? Desired);

    /// <summary>A plain index over shadowed columns, rebuilt on the shadows and renamed in the swap.</summary>
    private sealed record CopiedIndex(QualifiedName Table, Model.Index Old, Model.Index Desired, string Copy, string CopyDefinition, string Retired);

    /// <summary>The key, every column that follows it through foreign keys, and what the swap must move.</summary>
    private sealed class KeyGroup
    {
        private readonly PlanningContext context;

        private KeyGroup(PlanningContext context) => this.context = context;

        /// <summary>Tables to lock, parents before children.</summary>
        public List<QualifiedName> LockOrder { get; } = [];

        public Dictionary<QualifiedName, List<Shadowed>> Columns { get; } = [];

        public IEnumerable<QualifiedName> ShadowedTables => LockOrder.Where(Columns.ContainsKey);

        public IEnumerable<Shadowed> All => ShadowedTables.SelectMany(t => Columns[t]);

        public List<Key> Keys { get; } = [];

        public List<Moved> Constraints { get; } = [];

        public List<CopiedIndex> Indexes { get; } = [];

        public List<View> ViewsUp { get; private set; } = [];

        public List<View> ViewsDown { get; private set; } = [];

        public static KeyGroup Build(AlterColumn alter, PlanningContext context)
        {
            var group = new KeyGroup(context);
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

            list.Add(new Shadowed(table, old, desired) { OldSequence = oldSequence, DesiredSequence = desiredSequence });
        }

        private bool IsShadowed(QualifiedName table, string column) =>
            Columns.TryGetValue(table, out var list) && list.Any(c => c.Old.Name == column);

        private Shadowed Column(QualifiedName table, string column) => Columns[table].First(c => c.Old.Name == column);

        private string OnShadows(QualifiedName table, string definition, Func<Shadowed, string> name)
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
                            Keys.Add(new Key(table.Name, constraint, desired, copy, copyDefinition, rollback, rollbackDefinition));
                            ClaimConstraint(table.Name, constraint.Name);
                            break;
                        }

                        case ConstraintKind.ForeignKey when constraint.Columns.Any(c => IsShadowed(table.Name, c))
                                                            || (constraint.ReferencedTable is { } referenced && constraint.ReferencedColumns.Any(c => IsShadowed(referenced, c))):
                        case ConstraintKind.Check when MentionsShadowed(table.Name, constraint.Definition):
                            Constraints.Add(new Moved(table.Name, constraint, desired));
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
                    Indexes.Add(new CopiedIndex(table.Name, index, desired, copy, definition, Sql.ShortName(index.Name + "_sp_old")));
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

        private (QualifiedName Table, Shadowed Column) First => (ShadowedTables.First(), Columns[ShadowedTables.First()][0]);

        public SwapTablesData SwapUp()
        {
            var statements = new List<string>();
            statements.AddRange(ViewsDown.AsEnumerable().Reverse().Select(DependentViews.DropStatement));
            statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Old.Name)));
            statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Old.Name)));
            statements.AddRange(Keys.Select(k => DropConstraint(k.Table, k.Old.Name)));
            foreach (var c in All)
            {
                var t = c.Table.Sql;
                if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
                {
                    statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} DROP DEFAULT");
                }

                statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Old.Name)} TO {Sql.Quote(c.Retired)}");
                statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Shadow)} TO {Sql.Quote(c.Old.Name)}");
                if (c.Old.Identity != IdentityKind.None)
                {
                    statements.Add(MoveIdentity(c.Table, c.Retired, c.Old.Name, c.Desired.Identity));
                }
                else if (c.Old.NotNull)
                {
                    statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Retired)} DROP NOT NULL");
                }

                if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
                {
                    statements.AddRange(DdlWriter.Statements(new AlterSequence(oldSequence, desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }), context.From, context.To));
                    statements.Add($"ALTER SEQUENCE {desiredSequence.Name.Sql} OWNED BY {c.Table.Member(c.Old.Name)}");
                }

                if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
                {
                    statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} SET DEFAULT {c.Desired.Default}");
                }
            }

            foreach (var index in Indexes)
            {
                statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Old.Name).Sql} RENAME TO {Sql.Quote(index.Retired)}");
                statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Copy).Sql} RENAME TO {Sql.Quote(index.Desired.Name)}");
            }

            statements.AddRange(Keys.Where(k => k.Desired is not null).Select(k => AddUsingIndex(k.Table, k.Desired!, k.Copy)));
            statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Desired!)));
            statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Desired!)));
            statements.AddRange(ViewsUp.SelectMany(v => DdlWriter.Statements(new CreateView(v), context.From, context.To)));

            var (table, column) = First;
            return new SwapTablesData(
                $"NOT {RecipeSteps.ColumnExists(table, column.Shadow)}",
                $"nothing to swap: {table}.{column.Shadow} is gone (the swap already ran)",
                [.. LockOrder.Select(Lock)],
                [.. ShadowedTables.Select(t => Sync(t)).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
                statements,
                [.. ShadowedTables.Select(Keep)]);
        }

        public SwapTablesData SwapDown()
        {
            var statements = new List<string>();
            statements.AddRange(ViewsUp.AsEnumerable().Reverse().Select(DependentViews.DropStatement));
            statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
            statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
            statements.AddRange(Keys.Where(k => k.Desired is not null).Select(k => DropConstraint(k.Table, k.Desired!.Name)));
            foreach (var c in All)
            {
                var t = c.Table.Sql;
                if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
                {
                    statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} DROP DEFAULT");
                }

                statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Old.Name)} TO {Sql.Quote(c.Shadow)}");
                statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Retired)} TO {Sql.Quote(c.Old.Name)}");
                if (c.Old.NotNull)
                {
                    statements.AddRange(RollbackSteps.RestoreNotNull(c.Table, c.Old.Name, c.Retired));
                }

                if (c.Old.Identity != IdentityKind.None)
                {
                    statements.Add(MoveIdentity(c.Table, c.Shadow, c.Old.Name, c.Old.Identity));
                }

                if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
                {
                    statements.AddRange(DdlWriter.Statements(new AlterSequence(desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }, oldSequence), context.To, context.From));
                    statements.Add($"ALTER SEQUENCE {oldSequence.Name.Sql} OWNED BY {c.Table.Member(c.Old.Name)}");
                }

                if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
                {
                    statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} SET DEFAULT {c.Old.Default}");
                }
            }

            foreach (var index in Indexes)
            {
                statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Desired.Name).Sql} RENAME TO {Sql.Quote(index.Copy)}");
                statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Retired).Sql} RENAME TO {Sql.Quote(index.Old.Name)}");
            }

            statements.AddRange(Keys.Select(k => AddUsingIndex(k.Table, k.Old, k.RollbackCopy)));
            statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Old)));
            statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Old)));
            statements.AddRange(ViewsDown.SelectMany(v => DdlWriter.Statements(new CreateView(v), context.To, context.From)));

            var (table, column) = First;
            return new SwapTablesData(
                $"NOT {RecipeSteps.ColumnExists(table, column.Retired)}",
                $"nothing to undo: {table}.{column.Retired} is gone (the swap was undone already)",
                [.. LockOrder.Select(Lock)],
                [.. ShadowedTables.Select(Keep).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
                statements,
                [.. ShadowedTables.Select(Sync)]);
        }

        private static string Lock(QualifiedName table) => $"LOCK TABLE {table.Sql} IN ACCESS EXCLUSIVE MODE";

        private static string DropConstraint(QualifiedName table, string name) => $"ALTER TABLE {table.Sql} DROP CONSTRAINT IF EXISTS {Sql.Quote(name)}";

        private static string AddNotValid(QualifiedName table, Constraint constraint) =>
            $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(constraint.Name)} {constraint.Definition} NOT VALID";

        private static string AddUsingIndex(QualifiedName table, Constraint constraint, string index)
        {
            var kind = constraint.Kind == ConstraintKind.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
            var deferrable = constraint.Deferrable ? (constraint.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "";
            return $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(constraint.Name)} {kind} USING INDEX {Sql.Quote(index)}{deferrable}";
        }

        /// <summary>
        /// Moves an identity from one column to another, keeping its sequence's name, position, increment, cache
        /// and cycle (the sequence takes the new column's type). The source column loses identity and NOT NULL.
        /// </summary>
        private static string MoveIdentity(QualifiedName table, string from, string to, IdentityKind kind)
        {
            var generated = kind == IdentityKind.Always ? "ALWAYS" : "BY DEFAULT";
            return $"""
                DO $identity$
                DECLARE
                    sp_sequence regclass := pg_catalog.pg_get_serial_sequence({Sql.Literal(table.Sql)}, {Sql.Literal(from)});
                    sp_schema name;
                    sp_name name;
                    sp_last bigint;
                    sp_called boolean;
                    sp_increment bigint;
                    sp_cache bigint;
                    sp_cycle boolean;
                BEGIN
                    SELECT n.nspname, c.relname, s.seqincrement, s.seqcache, s.seqcycle
                      INTO sp_schema, sp_name, sp_increment, sp_cache, sp_cycle
                      FROM pg_catalog.pg_class c
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
                     WHERE c.oid = sp_sequence;
                    EXECUTE format('SELECT last_value, is_called FROM %s', sp_sequence) INTO sp_last, sp_called;
                    ALTER TABLE {table.Sql} ALTER COLUMN {Sql.Quote(from)} DROP IDENTITY;
                    ALTER TABLE {table.Sql} ALTER COLUMN {Sql.Quote(from)} DROP NOT NULL;
                    EXECUTE format('ALTER TABLE {table.Sql.Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal)} ALTER COLUMN {Sql.Quote(to).Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal)} ADD GENERATED {generated} AS IDENTITY (SEQUENCE NAME %I.%I INCREMENT BY %s CACHE %s %s)',
                                   sp_schema, sp_name, sp_increment, sp_cache, CASE WHEN sp_cycle THEN 'CYCLE' ELSE 'NO CYCLE' END);
                    PERFORM pg_catalog.setval(format('%I.%I', sp_schema, sp_name), sp_last, sp_called);
                END
                $identity$
                """;
        }
    }
}
