using System.Text;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Domains: created (NOT VALID checks added after), altered or replaced when the base type changes, dropped.</summary>
internal sealed class DomainDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateDomain>(Create, c => ChangeReverse.By(new DropDomain(c.Domain))),
        DdlHandler.For<AlterDomain>(Alter, c => ChangeReverse.By(new AlterDomain(c.New, c.Old))),
        DdlHandler.For<DropDomain>(Drop, c => ChangeReverse.By(new CreateDomain(c.Domain))),
    ];

    private static void Create(CreateDomain c, DdlBuilder ddl)
    {
        var domain = c.Domain;
        ddl.Emit(CreateSql(domain));
        foreach (var check in domain.Checks.Where(k => !k.Validated))
        {
            ddl.Emit("ALTER DOMAIN " + domain.Name.Sql + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + " NOT VALID");
        }
    }

    private static void Alter(AlterDomain c, DdlBuilder ddl)
    {
        var name = c.New.Name.Sql;
        if (c.Old.BaseType != c.New.BaseType || c.Old.Collation != c.New.Collation)
        {
            // No ALTER DOMAIN for the base type or collation: a new domain, the columns moved to it.
            var models = ddl.Models(c);
            var validated = c.New with { Checks = c.New.Checks.Where(k => k.Validated).ToEquatableArray() };
            TypeReplacement.Replace(c.Old.Name, CreateSql(validated), "DROP DOMAIN ", ddl, models.From, models.To);
            foreach (var check in c.New.Checks.Where(k => !k.Validated))
            {
                ddl.Emit("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + " NOT VALID");
            }

            return;
        }

        foreach (var check in c.Old.Checks)
        {
            var desired = c.New.Checks.FirstOrDefault(k => k.Name == check.Name);
            if (desired is null || desired.Definition != check.Definition)
            {
                ddl.Emit("ALTER DOMAIN " + name + " DROP CONSTRAINT " + Sql.Quote(check.Name));
            }
        }

        if (c.Old.Default != c.New.Default)
        {
            ddl.Emit("ALTER DOMAIN " + name + (c.New.Default is null ? " DROP DEFAULT" : " SET DEFAULT " + c.New.Default));
        }

        if (c.Old.NotNull != c.New.NotNull)
        {
            ddl.Emit("ALTER DOMAIN " + name + (c.New.NotNull ? " SET NOT NULL" : " DROP NOT NULL"));
        }

        foreach (var check in c.New.Checks)
        {
            var previous = c.Old.Checks.FirstOrDefault(k => k.Name == check.Name);
            if (previous is null || previous.Definition != check.Definition)
            {
                ddl.Emit("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + (check.Validated ? "" : " NOT VALID"));
            }
            else if (!previous.Validated && check.Validated)
            {
                ddl.Emit("ALTER DOMAIN " + name + " VALIDATE CONSTRAINT " + Sql.Quote(check.Name));
            }
        }
    }

    private static void Drop(DropDomain c, DdlBuilder ddl) => ddl.Emit("DROP DOMAIN " + c.Domain.Name.Sql);

    private static string CreateSql(Domain domain)
    {
        var sql = new StringBuilder("CREATE DOMAIN ").Append(domain.Name.Sql).Append(" AS ").Append(domain.BaseType);
        if (domain.Collation is not null)
        {
            sql.Append(" COLLATE ").Append(domain.Collation);
        }

        if (domain.Default is not null)
        {
            sql.Append(" DEFAULT ").Append(domain.Default);
        }

        if (domain.NotNull)
        {
            sql.Append(" NOT NULL");
        }

        foreach (var check in domain.Checks.Where(k => k.Validated))
        {
            sql.Append(" CONSTRAINT ").Append(Sql.Quote(check.Name)).Append(' ').Append(check.Definition);
        }

        return sql.ToString();
    }
}
