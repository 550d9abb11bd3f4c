using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Row-level security policies: created, altered (or re-created when an expression goes), dropped.</summary>
internal sealed class PolicyDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreatePolicy>(Create, c => ChangeReverse.By(new DropPolicy(c.TableName, c.Policy)),
            rank: _ => 390,
            locate: (c, at) => at.Policy(c.TableName, c.Policy.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<AlterPolicy>(Alter, c => ChangeReverse.By(new AlterPolicy(c.TableName, c.New, c.Old)),
            rank: _ => 390,
            locate: (c, at) => at.Policy(c.TableName, c.New.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<DropPolicy>(Drop, c => ChangeReverse.By(new CreatePolicy(c.TableName, c.Policy)),
            rank: _ => 10,
            locate: (c, at) => at.Table(c.TableName)),
    ];

    private static void Create(CreatePolicy c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.TableName, c.Policy));

    /// <summary>ALTER POLICY can set roles and expressions but not remove an expression: that is a re-create.</summary>
    private static void Alter(AlterPolicy c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        if ((old.Using is not null && @new.Using is null) || (old.WithCheck is not null && @new.WithCheck is null))
        {
            ddl.Emit(new PolicySql.Drop(c.TableName, old.Name));
            ddl.Emit(CreateSql(c.TableName, @new));
            return;
        }

        ddl.Emit(new PolicySql.Alter(
            c.TableName,
            @new.Name,
            old.Roles != @new.Roles ? Roles(@new.Roles) : null,
            old.Using != @new.Using ? @new.Using : null,
            old.WithCheck != @new.WithCheck ? @new.WithCheck : null));
    }

    private static void Drop(DropPolicy c, DdlBuilder ddl) => ddl.Emit(new PolicySql.Drop(c.TableName, c.Policy.Name));

    private static PolicySql.Create CreateSql(QualifiedName table, Policy policy) =>
        new(table, policy.Name, policy.Permissive, policy.Command, Roles(policy.Roles), policy.Using, policy.WithCheck);

    /// <summary>The roles in SQL form: <c>PUBLIC</c> for none (or for <c>public</c>).</summary>
    private static List<string> Roles(EquatableArray<string> roles) =>
        roles.IsEmpty ? ["PUBLIC"] : roles.Select(r => r == "public" ? "PUBLIC" : r).ToList();
}
