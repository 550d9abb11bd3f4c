using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>The swap's transaction, both ways: locks, constraint moves, renames, sequence or identity moves.</summary>
internal sealed partial class BigintKeyGroup
{
    private (QualifiedName Table, BigintShadow Column) First => (ShadowedTables.First(), Columns[ShadowedTables.First()][0]);

    public SwapTablesData SwapUp()
    {
        var statements = new List<string>();
        statements.AddRange(ViewsDown.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Old.Name)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Old.Name)));
        statements.AddRange(Keys.Select(k => DropConstraint(k.Table, k.Old.Name)));
        foreach (var c in All)
        {
            if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
            {
                statements.Add(context.Render(new ColumnSql.DropDefault(c.Table, c.Old.Name)));
            }

            statements.Add(context.Render(new ColumnSql.Rename(c.Table, c.Old.Name, c.Retired)));
            statements.Add(context.Render(new ColumnSql.Rename(c.Table, c.Shadow, c.Old.Name)));
            if (c.Old.Identity != IdentityKind.None)
            {
                statements.Add(MoveIdentity(c.Table, c.Retired, c.Old.Name, c.Desired.Identity));
                statements.AddRange(IdentityOptionsOf(c.Table, c.Old.Name, c.Old, c.Desired));
            }
            else if (c.Old.NotNull)
            {
                statements.Add(context.Render(new ColumnSql.DropNotNull(c.Table, c.Retired)));
            }

            if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
            {
                statements.AddRange(context.Ddl.Statements(new AlterSequence(oldSequence, desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }), context.From, context.To));
                statements.Add(context.Render(new SequenceSql.OwnedBy(desiredSequence.Name, c.Table, c.Old.Name)));
            }

            if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
            {
                statements.Add(context.Render(new ColumnSql.SetDefault(c.Table, c.Old.Name, c.Desired.Default)));
            }
        }

        foreach (var index in Indexes)
        {
            statements.Add(context.Render(new IndexSql.Rename(new QualifiedName(index.Table.Schema, index.Old.Name), index.Retired)));
            statements.Add(context.Render(new IndexSql.Rename(new QualifiedName(index.Table.Schema, index.Copy), index.Desired.Name)));
        }

        statements.AddRange(Keys.Where(k => k.Desired is not null).SelectMany(k => AddUsingIndex(k.Table, k.Desired!, k.Copy)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Desired!)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Desired!)));
        statements.AddRange(ViewsUp.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.From, context.To)));

        var (table, column) = First;
        return new SwapTablesData(
            context.Render(new GuardSql.ColumnExists(table, column.Shadow, Negated: true)),
            $"nothing to swap: {table}.{column.Shadow} is gone (the swap already ran)",
            [.. LockOrder.Select(Lock)],
            [.. ShadowedTables.Select(t => Sync(t)).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
            statements,
            [.. ShadowedTables.Select(Keep)]);
    }

    public SwapTablesData SwapDown()
    {
        var statements = new List<string>();
        statements.AddRange(ViewsUp.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
        statements.AddRange(Keys.Where(k => k.Desired is not null).Select(k => DropConstraint(k.Table, k.Desired!.Name)));
        foreach (var c in All)
        {
            if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
            {
                statements.Add(context.Render(new ColumnSql.DropDefault(c.Table, c.Old.Name)));
            }

            statements.Add(context.Render(new ColumnSql.Rename(c.Table, c.Old.Name, c.Shadow)));
            statements.Add(context.Render(new ColumnSql.Rename(c.Table, c.Retired, c.Old.Name)));
            if (c.Old.NotNull)
            {
                statements.AddRange(RollbackSteps.RestoreNotNull(c.Table, c.Old.Name, c.Retired).Select(context.Render));
            }

            if (c.Old.Identity != IdentityKind.None)
            {
                statements.Add(MoveIdentity(c.Table, c.Shadow, c.Old.Name, c.Old.Identity));
                statements.AddRange(IdentityOptionsOf(c.Table, c.Old.Name, c.Desired, c.Old));
            }

            if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
            {
                statements.AddRange(context.Ddl.Statements(new AlterSequence(desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }, oldSequence), context.To, context.From));
                statements.Add(context.Render(new SequenceSql.OwnedBy(oldSequence.Name, c.Table, c.Old.Name)));
            }

            if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
            {
                statements.Add(context.Render(new ColumnSql.SetDefault(c.Table, c.Old.Name, c.Old.Default)));
            }
        }

        foreach (var index in Indexes)
        {
            statements.Add(context.Render(new IndexSql.Rename(new QualifiedName(index.Table.Schema, index.Desired.Name), index.Copy)));
            statements.Add(context.Render(new IndexSql.Rename(new QualifiedName(index.Table.Schema, index.Retired), index.Old.Name)));
        }

        statements.AddRange(Keys.SelectMany(k => AddUsingIndex(k.Table, k.Old, k.RollbackCopy)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Old)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Old)));
        statements.AddRange(ViewsDown.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.To, context.From)));

        var (table, column) = First;
        return new SwapTablesData(
            context.Render(new GuardSql.ColumnExists(table, column.Retired, Negated: true)),
            $"nothing to undo: {table}.{column.Retired} is gone (the swap was undone already)",
            [.. LockOrder.Select(Lock)],
            [.. ShadowedTables.Select(Keep).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
            statements,
            [.. ShadowedTables.Select(Sync)]);
    }

    private string Lock(QualifiedName table) => context.Render(new TableSql.Lock(table));

    private string DropConstraint(QualifiedName table, string name) => context.Render(new ConstraintSql.Drop(table, name, IfExists: true));

    private string AddNotValid(QualifiedName table, Constraint constraint) =>
        context.Render(new ConstraintSql.Add(table, constraint.Name, constraint.Definition, NotValid: true));

    private IEnumerable<string> AddUsingIndex(QualifiedName table, Constraint constraint, string index) =>
        IndexBuildSteps.AttachKey(context, table, constraint, index).Select(context.Render);

    /// <summary>
    /// Moves an identity from one column to another, keeping its sequence's name, position, increment, cache
    /// and cycle (the sequence takes the new column's type). The source column loses identity and NOT NULL.
    /// </summary>
    /// <summary>
    /// The moved identity keeps its sequence's options; where either side declares options of its own, the column
    /// then takes <paramref name="target"/>'s (the sequence's position is kept: <c>SET START WITH</c> does not restart it).
    /// </summary>
    private IEnumerable<string> IdentityOptionsOf(QualifiedName table, string column, Column source, Column target) =>
        source.IdentityOptions is null && target.IdentityOptions is null
            ? []
            : [context.Render(new ColumnSql.SetIdentityOptions(table, column, IdentityOptions.Of(target)))];

    private string MoveIdentity(QualifiedName table, string from, string to, IdentityKind kind) =>
        context.Render(new ColumnSql.MoveIdentity(table, from, to, kind == IdentityKind.Always));
}
