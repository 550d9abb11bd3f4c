using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Domains: created (NOT VALID checks added after), altered or replaced when the base type changes, dropped.</summary>
internal sealed class DomainDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateDomain>(Create, c => ChangeReverse.By(new DropDomain(c.Domain)),
            rank: _ => 240,
            locate: (c, at) => at.Type(c.Domain.Name)),
        DdlHandler.For<AlterDomain>(Alter, c => ChangeReverse.By(new AlterDomain(c.New, c.Old)),
            rank: _ => 240,
            locate: (c, at) => at.Type(c.New.Name)),
        DdlHandler.For<DropDomain>(Drop, c => ChangeReverse.By(new CreateDomain(c.Domain)),
            rank: _ => 333,
            locate: (_, _) => null,
            droppedType: c => c.Domain.Name),
    ];

    private static void Create(CreateDomain c, DdlBuilder ddl)
    {
        var domain = c.Domain;
        ddl.Emit(CreateSql(domain));
        foreach (var check in domain.Checks.Where(k => !k.Validated))
        {
            ddl.Emit(new DomainSql.AddConstraint(domain.Name, check.Name, check.Definition, NotValid: true));
        }
    }

    private static void Alter(AlterDomain c, DdlBuilder ddl)
    {
        var name = c.New.Name;
        if (c.Old.BaseType != c.New.BaseType || c.Old.Collation != c.New.Collation)
        {
            // No ALTER DOMAIN for the base type or collation: a new domain, the columns moved to it.
            var models = ddl.Models(c);
            var validated = c.New with { Checks = c.New.Checks.Where(k => k.Validated).ToEquatableArray() };
            TypeReplacement.Replace(c.Old.Name, CreateSql(validated), isDomain: true, ddl, models.From, models.To);
            foreach (var check in c.New.Checks.Where(k => !k.Validated))
            {
                ddl.Emit(new DomainSql.AddConstraint(name, check.Name, check.Definition, NotValid: true));
            }

            return;
        }

        foreach (var check in c.Old.Checks)
        {
            var desired = c.New.Checks.FirstOrDefault(k => k.Name == check.Name);
            if (desired is null || desired.Definition != check.Definition)
            {
                ddl.Emit(new DomainSql.DropConstraint(name, check.Name));
            }
        }

        if (c.Old.Default != c.New.Default)
        {
            ddl.Emit(c.New.Default is null ? new DomainSql.DropDefault(name) : new DomainSql.SetDefault(name, c.New.Default));
        }

        if (c.Old.NotNull != c.New.NotNull)
        {
            ddl.Emit(c.New.NotNull ? new DomainSql.SetNotNull(name) : new DomainSql.DropNotNull(name));
        }

        foreach (var check in c.New.Checks)
        {
            var previous = c.Old.Checks.FirstOrDefault(k => k.Name == check.Name);
            if (previous is null || previous.Definition != check.Definition)
            {
                ddl.Emit(new DomainSql.AddConstraint(name, check.Name, check.Definition, NotValid: !check.Validated));
            }
            else if (!previous.Validated && check.Validated)
            {
                ddl.Emit(new DomainSql.ValidateConstraint(name, check.Name));
            }
        }
    }

    private static void Drop(DropDomain c, DdlBuilder ddl) => ddl.Emit(new DomainSql.Drop(c.Domain.Name));

    private static DomainSql.Create CreateSql(Domain domain) =>
        new(domain.Name, domain.BaseType, domain.Collation, domain.Default, domain.NotNull,
            domain.Checks.Where(k => k.Validated).Select(k => new ConstraintDefinition(k.Name, k.Definition)).ToList());
}
