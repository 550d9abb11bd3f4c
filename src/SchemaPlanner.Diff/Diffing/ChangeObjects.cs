using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// The objects (in <see cref="Dependency"/> terms) a change removes from the current schema and the ones it
/// establishes in the desired one. An in-place alter (<c>ALTER COLUMN</c>, <c>CREATE OR REPLACE</c>) establishes
/// its object without removing it; comments, grants and unsupported objects touch none and are placed by rank.
/// </summary>
internal static class ChangeObjects
{
    public static IReadOnlyList<ObjectRef> Drops(Change change) => change switch
    {
        DropTable t => TableObjects(t.Definition),
        DropColumn c => [Column(c.TableName, c.Column.Name), .. DefaultOf(c.TableName, c.Column)],
        DropConstraint c => [Member(ObjectKind.Constraint, c.TableName, c.Constraint.Name)],
        DropIndex i => IndexObjects(i.TableName, i.Index),
        DropTrigger t => [Member(ObjectKind.Trigger, t.TableName, t.Trigger.Name)],
        DropPolicy p => [Member(ObjectKind.Policy, p.TableName, p.Policy.Name)],
        DropView v => ViewObjects(v.View),
        DropFunction f => [FunctionRef(f.Function)],
        DropDomain d => DomainObjects(d.Domain, d.Domain.Checks),
        AlterDomain d => [.. d.Old.Checks.Where(k => !d.New.Checks.Contains(k)).Select(k => CheckOf(d.Old, k))],
        DropEnum e => [new ObjectRef(ObjectKind.Type, e.Enum.Name)],
        DropSequence s => [new ObjectRef(ObjectKind.Sequence, s.Sequence.Name)],
        DropCollation c => [new ObjectRef(ObjectKind.Collation, c.Collation.Name)],

        // A default that goes away (or is replaced by another expression) no longer needs what it called.
        AlterColumn c when c.Old.Default is not null && c.Changed.HasFlag(ColumnChange.Default) => [Default(c.TableName, c.Old.Name)],
        _ => [],
    };

    public static IReadOnlyList<ObjectRef> Creates(Change change) => change switch
    {
        CreateTable t => TableObjects(t.Definition, inlineOnly: true),
        // Turning row-level security on or off makes nothing another object needs (a policy needs its table, which
        // exists): ordered only by its edges to the table's policies (DependencyOrder).
        AlterTable { Changed: TableChange.RowLevelSecurity } => [],
        AlterTable t => [new ObjectRef(ObjectKind.Table, t.New.Name)],
        RenameTable t => [new ObjectRef(ObjectKind.Table, t.New.Name)],
        AddColumn c => [Column(c.TableName, c.Column.Name), .. DefaultOf(c.TableName, c.Column)],
        AlterColumn c => [Column(c.TableName, c.New.Name), .. DefaultOf(c.TableName, c.New)],
        RenameColumn c => [Column(c.TableName, c.New.Name), .. DefaultOf(c.TableName, c.New)],
        AddConstraint c => [Member(ObjectKind.Constraint, c.TableName, c.Constraint.Name)],
        ValidateConstraint c => [Member(ObjectKind.Constraint, c.TableName, c.Constraint.Name)],
        AddIndex i => IndexObjects(i.TableName, i.Index),
        CreateTrigger t => [Member(ObjectKind.Trigger, t.TableName, t.Trigger.Name)],
        CreatePolicy p => [Member(ObjectKind.Policy, p.TableName, p.Policy.Name)],
        AlterPolicy p => [Member(ObjectKind.Policy, p.TableName, p.New.Name)],
        CreateView v => ViewObjects(v.View),
        ReplaceView v => ViewObjects(v.New),
        CreateFunction f => [FunctionRef(f.Function)],
        ReplaceFunction f => [FunctionRef(f.New)],
        CreateDomain d => DomainObjects(d.Domain, d.Domain.Checks),
        AlterDomain d => DomainObjects(d.New, d.New.Checks.Where(k => !d.Old.Checks.Contains(k))),
        CreateEnum e => [new ObjectRef(ObjectKind.Type, e.Enum.Name)],
        AddEnumValue e => [new ObjectRef(ObjectKind.Type, e.New.Name)],
        ReplaceEnum e => [new ObjectRef(ObjectKind.Type, e.New.Name)],
        CreateSequence s => [new ObjectRef(ObjectKind.Sequence, s.Sequence.Name)],
        CreateCollation c => [new ObjectRef(ObjectKind.Collation, c.Collation.Name)],
        ReplaceCollation c => [new ObjectRef(ObjectKind.Collation, c.New.Name)],
        _ => [],
    };

    /// <summary>
    /// What a change needs beyond the recorded dependencies of the objects it establishes: <c>OWNED BY</c> needs
    /// its column (an ownership, which <c>pg_depend</c> records the other way round). Altering a sequence
    /// establishes nothing a default needs: the sequence already exists.
    /// </summary>
    public static IReadOnlyList<ObjectRef> Needs(Change change) => change switch
    {
        AlterSequence { New: { OwnedByTable: { } table, OwnedByColumn: { } column } } => [Column(table, column)],
        _ => [],
    };

    public static ObjectRef FunctionRef(Function function) => new(ObjectKind.Function, function.Name, function.Arguments);

    public static ObjectRef Member(ObjectKind kind, QualifiedName relation, string name) => new(kind, relation, name);

    private static ObjectRef Column(QualifiedName table, string column) => Member(ObjectKind.Column, table, column);

    private static ObjectRef Default(QualifiedName table, string column) => Member(ObjectKind.Default, table, column);

    /// <summary>A default and a generated column's expression are both a <c>pg_attrdef</c> row.</summary>
    private static IEnumerable<ObjectRef> DefaultOf(QualifiedName table, Column column) =>
        column.Default is not null || column.Generated is not null ? [Default(table, column.Name)] : [];

    private static List<ObjectRef> IndexObjects(QualifiedName table, Model.Index index) =>
        index.Constraint is { } constraint
            ? [Member(ObjectKind.Index, table, index.Name), Member(ObjectKind.Constraint, table, constraint)]
            : [Member(ObjectKind.Index, table, index.Name)];

    /// <summary>A domain and the CHECKs given (each a member of the domain, as <c>dependencies.sql</c> names them).</summary>
    private static List<ObjectRef> DomainObjects(Domain domain, IEnumerable<DomainCheck> checks) =>
        [new ObjectRef(ObjectKind.Type, domain.Name), .. checks.Select(k => CheckOf(domain, k))];

    private static ObjectRef CheckOf(Domain domain, DomainCheck check) => Member(ObjectKind.Type, domain.Name, check.Name);

    private static List<ObjectRef> ViewObjects(View view) =>
        [new ObjectRef(ObjectKind.View, view.Name), .. view.Columns.Select(c => Column(view.Name, c))];

    /// <summary>
    /// A table's objects; with <paramref name="inlineOnly"/>, the ones <c>CREATE TABLE</c> makes (foreign keys,
    /// indexes, triggers and policies are changes of their own).
    /// </summary>
    private static List<ObjectRef> TableObjects(Table table, bool inlineOnly = false)
    {
        var objects = new List<ObjectRef> { new(ObjectKind.Table, table.Name) };
        objects.AddRange(table.Columns.SelectMany(c => DefaultOf(table.Name, c).Prepend(Column(table.Name, c.Name))));
        objects.AddRange(table.Constraints
            .Where(c => !inlineOnly || c.Kind != ConstraintKind.ForeignKey)
            .Select(c => Member(ObjectKind.Constraint, table.Name, c.Name)));
        if (inlineOnly)
        {
            return objects;
        }

        objects.AddRange(table.Indexes.Select(i => Member(ObjectKind.Index, table.Name, i.Name)));
        objects.AddRange(table.Triggers.Select(t => Member(ObjectKind.Trigger, table.Name, t.Name)));
        objects.AddRange(table.Policies.Select(p => Member(ObjectKind.Policy, table.Name, p.Name)));
        return objects;
    }
}
