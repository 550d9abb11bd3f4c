using System.Text;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Row-level security policies: created, altered (or re-created when an expression goes), dropped.</summary>
internal sealed class PolicyDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreatePolicy>(Create, c => ChangeReverse.By(new DropPolicy(c.TableName, c.Policy))),
        DdlHandler.For<AlterPolicy>(Alter, c => ChangeReverse.By(new AlterPolicy(c.TableName, c.New, c.Old))),
        DdlHandler.For<DropPolicy>(Drop, c => ChangeReverse.By(new CreatePolicy(c.TableName, c.Policy))),
    ];

    private static void Create(CreatePolicy c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.TableName, c.Policy));

    /// <summary>ALTER POLICY can set roles and expressions but not remove an expression: that is a re-create.</summary>
    private static void Alter(AlterPolicy c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        if ((old.Using is not null && @new.Using is null) || (old.WithCheck is not null && @new.WithCheck is null))
        {
            ddl.Emit("DROP POLICY " + Sql.Quote(old.Name) + " ON " + c.TableName.Sql);
            ddl.Emit(CreateSql(c.TableName, @new));
            return;
        }

        var sql = new StringBuilder("ALTER POLICY ").Append(Sql.Quote(@new.Name)).Append(" ON ").Append(c.TableName.Sql);
        if (old.Roles != @new.Roles)
        {
            sql.Append(" TO ").Append(Roles(@new.Roles));
        }

        if (old.Using != @new.Using && @new.Using is not null)
        {
            sql.Append(" USING (").Append(@new.Using).Append(')');
        }

        if (old.WithCheck != @new.WithCheck && @new.WithCheck is not null)
        {
            sql.Append(" WITH CHECK (").Append(@new.WithCheck).Append(')');
        }

        ddl.Emit(sql.ToString());
    }

    private static void Drop(DropPolicy c, DdlBuilder ddl) =>
        ddl.Emit("DROP POLICY " + Sql.Quote(c.Policy.Name) + " ON " + c.TableName.Sql);

    private static string CreateSql(QualifiedName table, Policy policy)
    {
        var sql = new StringBuilder("CREATE POLICY ").Append(Sql.Quote(policy.Name)).Append(" ON ").Append(table.Sql);
        if (!policy.Permissive)
        {
            sql.Append(" AS RESTRICTIVE");
        }

        sql.Append(" FOR ").Append(policy.Command).Append(" TO ").Append(Roles(policy.Roles));
        if (policy.Using is not null)
        {
            sql.Append(" USING (").Append(policy.Using).Append(')');
        }

        if (policy.WithCheck is not null)
        {
            sql.Append(" WITH CHECK (").Append(policy.WithCheck).Append(')');
        }

        return sql.ToString();
    }

    private static string Roles(EquatableArray<string> roles) =>
        roles.IsEmpty ? "PUBLIC" : string.Join(", ", roles.Select(r => r == "public" ? "PUBLIC" : r));
}
