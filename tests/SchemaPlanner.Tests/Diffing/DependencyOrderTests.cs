using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using Xunit;
using static SchemaPlanner.Tests.Diffing.ModelBuilder;

namespace SchemaPlanner.Tests.Diffing;

/// <summary>
/// The order of changes follows the recorded dependencies, not the kind of change or the name: what is needed is
/// created first and dropped last; changes with no dependency between them keep the rank order.
/// </summary>
public sealed class DependencyOrderTests
{
    private static readonly QualifiedName Even = new("public", "a_even");
    private static readonly QualifiedName Positive = new("public", "z_positive");

    private static Domain Domain(QualifiedName name, string baseType) => new(name, baseType, null, null, false, EquatableArray<DomainCheck>.Empty);

    private static Function Function(string name, string arguments, string result) =>
        new(new QualifiedName("public", name), arguments, "function", result, "sql", Volatility.Immutable, "CREATE FUNCTION …", EquatableArray<string>.Empty);

    private static Dependency On(ObjectRef dependent, ObjectRef referenced) => new(dependent, referenced);

    [Fact]
    public void A_domain_over_a_domain_is_created_after_it_and_dropped_before_it()
    {
        var both = (SchemaModel.Empty with
        {
            Domains = new[] { Domain(Even, "public.z_positive"), Domain(Positive, "integer") }.ToEquatableArray(),
            Dependencies = new[] { On(new(ObjectKind.Type, Even), new(ObjectKind.Type, Positive)) }.ToEquatableArray(),
        }).Normalize();

        var created = SchemaDiffer.Diff(SchemaModel.Empty, both).Changes.OfType<CreateDomain>().Select(c => c.Domain.Name).ToList();
        Assert.Equal([Positive, Even], created);

        var dropped = SchemaDiffer.Diff(both, SchemaModel.Empty).Changes.OfType<DropDomain>().Select(c => c.Domain.Name).ToList();
        Assert.Equal([Even, Positive], dropped);
    }

    [Fact]
    public void A_function_over_a_row_type_is_created_after_the_table_whatever_the_kind_rank()
    {
        var table = Table("orders", Column("id", "integer"));
        var function = Function("a_total", "o orders", "integer");
        var desired = Schema([table]) with
        {
            Functions = new[] { function }.ToEquatableArray(),
            Dependencies = new[] { On(new(ObjectKind.Function, function.Name, function.Arguments), new(ObjectKind.Table, table.Name)) }.ToEquatableArray(),
        };

        var changes = SchemaDiffer.Diff(SchemaModel.Empty, desired).Changes;
        Assert.True(
            changes.ToList().FindIndex(c => c is CreateTable) < changes.ToList().FindIndex(c => c is CreateFunction),
            string.Join("\n", changes.Select(c => c.Describe())));
    }

    [Fact]
    public void Without_dependencies_the_rank_order_stays()
    {
        var function = Function("a_total", "o integer", "integer");
        var desired = Schema([Table("orders", Column("id", "integer"))]) with { Functions = new[] { function }.ToEquatableArray() };

        var changes = SchemaDiffer.Diff(SchemaModel.Empty, desired).Changes;
        Assert.IsType<CreateFunction>(changes[0]);
        Assert.IsType<CreateTable>(changes[1]);
    }

    [Fact]
    public void A_foreign_key_on_a_dropped_unique_constraint_is_dropped_before_and_added_after()
    {
        var unique = new Constraint("parents_id_key", ConstraintKind.Unique, "UNIQUE (id)", new[] { "id" }.ToEquatableArray(), true, false, false, null, EquatableArray<string>.Empty, null, null);
        var primary = unique with { Name = "parents_pkey", Kind = ConstraintKind.PrimaryKey, Definition = "PRIMARY KEY (id)" };
        var parent = Table("parents", Column("id", "integer", notNull: true));
        var child = Table("children", Column("parent_id", "integer")) with { Constraints = new[] { ForeignKey("children_parent_id_fkey", "parent_id", "parents") }.ToEquatableArray() };
        var fk = new ObjectRef(ObjectKind.Constraint, child.Name, "children_parent_id_fkey");
        var from = Schema([parent with { Constraints = new[] { unique }.ToEquatableArray() }, child]) with
        {
            Dependencies = new[] { On(fk, new(ObjectKind.Constraint, parent.Name, unique.Name)) }.ToEquatableArray(),
        };
        var to = Schema([parent with { Constraints = new[] { primary }.ToEquatableArray() }, child]) with
        {
            Dependencies = new[] { On(fk, new(ObjectKind.Constraint, parent.Name, primary.Name)) }.ToEquatableArray(),
        };

        var changes = SchemaDiffer.Diff(from, to).Changes.Select(c => c.Describe()).ToList();
        var order = new[]
        {
            changes.FindIndex(c => c.StartsWith("drop constraint children_parent_id_fkey", StringComparison.Ordinal)),
            changes.FindIndex(c => c.StartsWith("drop constraint parents_id_key", StringComparison.Ordinal)),
            changes.FindIndex(c => c.StartsWith("add constraint parents_pkey", StringComparison.Ordinal)),
            changes.FindIndex(c => c.StartsWith("add constraint children_parent_id_fkey", StringComparison.Ordinal)),
        };
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), string.Join("\n", changes));
    }
}
