using System.Text.Json;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// For every rule that reports errors, the plain DDL a diff tool would emit for a triggering change
/// (<see cref="DdlWriter"/>) is run through squawk: where squawk has an equivalent rule it must report it; where
/// it has none (the exceptions, also listed in docs/rules/README.md) it must report nothing beyond its generic
/// hygiene checks, so the mapping stays true as squawk changes. squawk is installed with npm into
/// <c>.tools/squawk</c> at the repository root on first use.
/// </summary>
public sealed class SquawkAgreementTests
{
    /// <summary>The squawk release the mapping in docs/rules/README.md was checked against.</summary>
    public const string SquawkVersion = Squawk.Version;

    /// <summary>Rules that only ever warn: there is nothing unsafe for squawk to agree with.</summary>
    private static readonly string[] WarningOnlyRules = ["SP4006", "SP5002", "SP6003", "SP9002"];

    /// <summary>squawk checks that fire on almost any statement and say nothing about the change itself.</summary>
    private static readonly HashSet<string> GenericSquawkRules = new(StringComparer.Ordinal)
    {
        "prefer-robust-stmts", "require-lock-timeout", "require-statement-timeout", "prefer-bigint-over-int",
        "prefer-bigint-over-smallint", "prefer-big-int", "prefer-identity", "prefer-text-field", "prefer-timestamptz",
        "ban-char-field", "require-enum-value-ordering", "transaction-nesting",
    };

    private static readonly Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>> Findings = new(RunSquawkAsync);

    public static TheoryData<string> CaseNames() => [.. Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Squawk_flags_the_plain_ddl_of_each_unsafe_change(string name)
    {
        var @case = Cases().Single(c => c.Name == name);
        var ours = RuleRegistry.Find(@case.Rule)!.Check(@case.Change, @case.Context).ToList();
        Assert.Contains(ours, h => h.Severity == Severity.Error);

        var findings = (await Findings.Value).GetValueOrDefault(name) ?? [];
        var specific = findings.Where(f => !GenericSquawkRules.Contains(f)).Distinct().ToList();
        if (@case.NoEquivalent is null)
        {
            Assert.True(
                @case.Squawk.Any(findings.Contains),
                $"{name}: expected squawk to report {string.Join(" or ", @case.Squawk)} for:\n{Script(@case)}\nit reported: {string.Join(", ", findings)}");
        }
        else
        {
            Assert.True(specific.Count == 0, $"{name}: squawk now reports {string.Join(", ", specific)}; update the mapping in docs/rules/README.md");
        }
    }

    [Fact]
    public void Every_rule_that_reports_errors_has_a_case()
    {
        var covered = Cases().Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);
        var unsafeRules = RuleRegistry.All.Select(r => r.Id).Except(WarningOnlyRules, StringComparer.Ordinal);

        Assert.All(unsafeRules, id => Assert.Contains(id, covered));
        Assert.Empty(covered.Intersect(WarningOnlyRules, StringComparer.Ordinal));
    }

    private static IEnumerable<SquawkCase> Cases()
    {
        var users = Tbl("users", Col("id", notNull: true), Col("email", "text"), Col("age"), Col("status", "text", notNull: true, @default: "'new'::text"))
            .With(PrimaryKey("users_pkey", "id"))
            .With(Idx("users_pkey", "users", "id", unique: true, constraint: "users_pkey"));
        var orders = Tbl("orders", Col("id", notNull: true), Col("user_id")).With(PrimaryKey("orders_pkey", "id"));
        var ordersWithFk = orders.With(ForeignKey("orders_user_id_fkey", "user_id", "users"));
        var db = Db(users, orders);
        var email = users.FindColumn("email")!;
        var age = users.FindColumn("age")!;
        var id = users.FindColumn("id")!;
        var status = users.FindColumn("status")!;

        SquawkCase Make(string rule, string name, Change change, SchemaModel from, SchemaModel to, params string[] squawk) =>
            new(rule, rule + " " + name, change, from, to, ClassificationContext.DefaultVersionNumber, squawk, null);

        SquawkCase None(string rule, string name, Change change, SchemaModel from, SchemaModel to, string reason) =>
            new(rule, rule + " " + name, change, from, to, ClassificationContext.DefaultVersionNumber, [], reason);

        SquawkCase AlterUsers(string rule, string name, Column old, Column @new, ColumnChange changed, SchemaModel? model = null, params string[] squawk) =>
            Make(rule, name, new AlterColumn(users.Name, old, @new, changed), model ?? db, model ?? db, squawk);

        // ---- tables
        yield return Make("SP1001", "drop table", new DropTable(orders), db, Db(users), "ban-drop-table");
        yield return Make("SP1002", "rename table", new RenameTable(orders, orders with { Name = Name("purchases") }), db, Db(users, orders with { Name = Name("purchases") }), "renaming-table");
        yield return None("SP1003", "set unlogged", new AlterTable(orders, orders with { Unlogged = true }, TableChange.Persistence), db, db, "squawk has no rule for SET LOGGED / SET UNLOGGED");
        var partitioned = orders with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        yield return Make("SP1004", "partition an existing table", new AlterTable(orders, partitioned, TableChange.PartitionKey), db, Db(users, partitioned), "ban-drop-table");
        var events = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var loose = Tbl("events_1", Col("id"));
        var attached = loose with { PartitionOf = events.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        yield return None("SP1005", "attach partition", new AlterTable(loose, attached, TableChange.PartitionOf), Db(events, loose), Db(events, attached), "squawk has no rule for ATTACH PARTITION's validation scan");
        yield return Make("SP1006", "detach partition", new AlterTable(attached, loose, TableChange.PartitionOf), Db(events, attached), Db(events, loose), "require-concurrent-partition-detach");
        yield return None("SP1007", "enable row level security", new AlterTable(orders, orders with { RowLevelSecurity = true }, TableChange.RowLevelSecurity), db, db, "squawk does not judge row-level security");

        // ---- columns
        yield return Make("SP2001", "add not null column", new AddColumn(users.Name, Col("tenant", notNull: true)), db, db, "adding-required-field");
        yield return Make("SP2002", "add volatile default", new AddColumn(users.Name, Col("token", "uuid", @default: "gen_random_uuid()", volatility: Volatility.Volatile)), db, db, "adding-field-with-default");
        yield return Make("SP2002", "add serial", new AddColumn(users.Name, Col("no", "bigint", notNull: true, @default: "nextval('public.users_no_seq'::regclass)", volatility: Volatility.Volatile)), db, db, "adding-field-with-default");
        yield return Make("SP2002", "add identity", new AddColumn(users.Name, Col("no", "bigint", notNull: true, identity: IdentityKind.Always)), db, db, "adding-field-with-default");
        yield return Make("SP2002", "add stored generated", new AddColumn(users.Name, Col("age2", generated: "(age * 2)")), db, db, "adding-field-with-default");
        var positive = new Domain(Name("positive"), "integer", null, null, false, new[] { new DomainCheck("positive_check", "CHECK ((VALUE > 0))", true) }.ToEquatableArray());
        var withDomain = db with { Domains = new[] { positive }.ToEquatableArray() };
        yield return None("SP2002", "add constrained domain column", new AddColumn(users.Name, Col("score", "public.positive", typeName: positive.Name)), withDomain, withDomain, "squawk cannot see that a domain's constraints force a rewrite");
        yield return Make("SP2003", "drop column", new DropColumn(users.Name, email), db, db, "ban-drop-column");
        yield return Make("SP2004", "rename column", new RenameColumn(users.Name, email, email with { Name = "mail" }), db, db, "renaming-column");
        yield return AlterUsers("SP2005", "integer to bigint", age, age with { Type = "bigint" }, ColumnChange.Type, squawk: "changing-column-type");
        yield return AlterUsers("SP2005", "text to varchar(10)", email, email with { Type = "character varying(10)" }, ColumnChange.Type, squawk: "changing-column-type");
        var ordersRef = Db(users, ordersWithFk);
        yield return AlterUsers("SP2006", "primary key to bigint", id, id with { Type = "bigint" }, ColumnChange.Type, ordersRef, "changing-column-type");
        var logins = Tbl("logins", Col("at", "timestamp without time zone")).With(Idx("logins_at_idx", "logins", "at"));
        var at = logins.FindColumn("at")!;
        yield return Make("SP2007", "timestamp to timestamptz with index", new AlterColumn(logins.Name, at, at with { Type = "timestamp with time zone" }, ColumnChange.Type), Db(logins), Db(logins), "changing-column-type");
        yield return AlterUsers("SP2008", "set not null", email, email with { NotNull = true }, ColumnChange.Nullability, squawk: "adding-not-nullable-field");
        yield return new SquawkCase("SP2009", "SP2009 drop default", new AlterColumn(users.Name, status, status with { Default = null, DefaultVolatility = null }, ColumnChange.Default), db, db, ClassificationContext.DefaultVersionNumber, [], "squawk has no rule for DROP DEFAULT");
        var indexedEmail = Db(users.With(Idx("users_email_idx", "users", "email")), orders);
        yield return AlterUsers("SP2010", "collation of an indexed column", email, email with { Collation = "pg_catalog.\"C\"" }, ColumnChange.Collation, indexedEmail, "changing-column-type");
        var age2 = Col("age2", generated: "(age * 2)");
        yield return AlterUsers("SP2011", "generated expression", age2, age2 with { Generated = "(age * 3)" }, ColumnChange.Generated, squawk: ["ban-drop-column", "adding-field-with-default"]);
        var ticket = Col("no", "bigint", notNull: true, identity: IdentityKind.ByDefault);
        yield return new SquawkCase("SP2012", "SP2012 generated always", new AlterColumn(users.Name, ticket, ticket with { Identity = IdentityKind.Always }, ColumnChange.Identity), db, db, ClassificationContext.DefaultVersionNumber, [], "squawk has no rule for SET GENERATED ALWAYS");

        // ---- indexes
        yield return Make("SP3001", "create index", new AddIndex(users.Name, Idx("users_email_idx", "users", "email")), db, db, "require-concurrent-index-creation");
        yield return Make("SP3002", "drop index", new DropIndex(users.Name, Idx("users_email_idx", "users", "email")), indexedEmail, db, "require-concurrent-index-deletion");
        yield return new SquawkCase("SP3003", "SP3003 create index on 14.2", new AddIndex(users.Name, Idx("users_email_idx", "users", "email")), db, db, 140002, ["require-concurrent-index-creation"], null);

        // ---- constraints
        yield return Make("SP4001", "add unique", new AddConstraint(users.Name, Unique("users_email_key", "email")), db, db, "disallowed-unique-constraint");
        yield return Make("SP4002", "add primary key", new AddConstraint(orders.Name, PrimaryKey("orders_pkey2", "id")), Db(users, orders with { Constraints = EquatableArray<Constraint>.Empty }), db, "adding-serial-primary-key-field");
        yield return Make("SP4003", "add foreign key", new AddConstraint(orders.Name, ordersWithFk.Constraints.Single(c => c.Kind == ConstraintKind.ForeignKey)), db, ordersRef, "adding-foreign-key-constraint");
        yield return Make("SP4004", "add check", new AddConstraint(users.Name, Check("users_age_positive", "CHECK ((age > 0))")), db, db, "constraint-missing-not-valid");
        yield return Make("SP4005", "add exclusion", new AddConstraint(users.Name, Exclusion("users_age_excl", "age")), db, db, "constraint-missing-not-valid");
        var keyless = Db(users with { Constraints = EquatableArray<Constraint>.Empty, Indexes = EquatableArray<Model.Index>.Empty }, orders);
        yield return None("SP4007", "drop primary key", new DropConstraint(users.Name, PrimaryKey("users_pkey", "id")), db, keyless, "squawk has no rule for dropping a primary key or unique constraint");

        // ---- types
        var mood = new EnumType(Name("mood"), new[] { "sad", "ok", "happy" }.ToEquatableArray());
        var people = Tbl("people", Col("id"), Col("mood", "public.mood", typeName: mood.Name));
        var withMood = Db(people) with { Enums = new[] { mood }.ToEquatableArray() };
        var lessMood = mood with { Values = new[] { "sad", "happy" }.ToEquatableArray() };
        yield return Make("SP5001", "remove enum value", new ReplaceEnum(mood, lessMood), withMood, withMood with { Enums = new[] { lessMood }.ToEquatableArray() }, "changing-column-type");
        var score = new Domain(Name("score"), "integer", null, null, false, EquatableArray<DomainCheck>.Empty);
        var scored = Db(Tbl("games", Col("id"), Col("score", "public.score", typeName: score.Name))) with { Domains = new[] { score }.ToEquatableArray() };
        var checkedScore = score with { Checks = new[] { new DomainCheck("score_check", "CHECK ((VALUE >= 0))", true) }.ToEquatableArray() };
        yield return Make("SP5003", "add domain check", new AlterDomain(score, checkedScore), scored, scored with { Domains = new[] { checkedScore }.ToEquatableArray() }, "ban-alter-domain-with-add-constraint");
        var wideScore = score with { BaseType = "bigint" };
        yield return Make("SP5004", "domain base type", new AlterDomain(score, wideScore), scored, scored with { Domains = new[] { wideScore }.ToEquatableArray() }, "changing-column-type");
        var address = new CompositeType(Name("address"), new[] { new CompositeAttribute("street", "text", new QualifiedName("pg_catalog", "text"), null) }.ToEquatableArray());
        yield return None("SP5005", "drop composite type", new DropCompositeType(address), db with { Composites = new[] { address }.ToEquatableArray() }, db, "squawk has no rule for DROP TYPE or ALTER TYPE");

        // ---- views, functions, policies
        var view = new View(Name("active_users"), ViewKind.View, " SELECT users.id FROM public.users;", new[] { "id" }.ToEquatableArray(), EquatableArray<Model.Index>.Empty, new[] { users.Name }.ToEquatableArray(), EquatableArray<string>.Empty);
        yield return None("SP6001", "drop view", new DropView(view), db with { Views = new[] { view }.ToEquatableArray() }, db, "squawk has no rule for dropping views");
        var slugify = new Function(Name("slugify"), "text text", "function", "text", "sql", Volatility.Immutable, "CREATE OR REPLACE FUNCTION public.slugify(text text) RETURNS text LANGUAGE sql AS $$ SELECT lower(text) $$", EquatableArray<string>.Empty);
        yield return None("SP6002", "drop function", new DropFunction(slugify), db with { Functions = new[] { slugify }.ToEquatableArray() }, db, "squawk has no rule for dropping functions");
        var secured = orders.With(Pol("own_rows")) with { RowLevelSecurity = true };
        yield return None("SP6004", "drop permissive policy", new DropPolicy(orders.Name, Pol("own_rows")), Db(users, secured), Db(users, secured with { Policies = EquatableArray<Policy>.Empty }), "squawk does not judge row-level security policies");

        // ---- other
        yield return None("SP9001", "unsupported object", new UnsupportedChange("foreign table", "public.remote", "exists only in the desired schema"), db, db, "no DDL is generated for objects SchemaPlanner does not model");
        yield return None("SP9003", "drop extension", new DropExtension(new Extension("hstore", "public", "1.8")), db, db, "squawk has no rule for DROP EXTENSION");
        yield return None("SP9004", "drop schema", new DropSchema(new Schema("archive", EquatableArray<string>.Empty)), db, db, "squawk only bans DROP DATABASE, not DROP SCHEMA");
        var sequence = new Sequence(Name("invoice_no"), "bigint", 1, 1, 1, long.MaxValue, 1, false, null, null, EquatableArray<string>.Empty);
        yield return None("SP9005", "drop sequence", new DropSequence(sequence), db with { Sequences = new[] { sequence }.ToEquatableArray() }, db, "squawk has no rule for DROP SEQUENCE");
        yield return None("SP9006", "revoke", new ChangePrivileges("TABLE", "public.users", new[] { "app:SELECT" }.ToEquatableArray(), EquatableArray<string>.Empty), db, db, "squawk does not judge privileges");
    }

    private static string Script(SquawkCase @case) =>
        @case.Change is UnsupportedChange ? "" : string.Concat(BuiltInSql.Ddl.Statements(@case.Change, @case.From, @case.To).Select(s => s + ";\n"));

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RunSquawkAsync()
    {
        var folder = Directory.CreateTempSubdirectory("schemaplan-squawk-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var byVersion = new Dictionary<int, List<string>>();
            var index = 0;
            foreach (var @case in Cases().Where(c => c.Change is not UnsupportedChange))
            {
                var file = $"{index++:000}.sql";
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, file), Script(@case));
                files[file] = @case.Name;
                (byVersion.TryGetValue(@case.Version, out var list) ? list : byVersion[@case.Version] = []).Add(file);
            }

            var findings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (version, versionFiles) in byVersion)
            {
                var pgVersion = $"{version / 10000}.{version % 100}";
                var (_, output, _) = await Squawk.RunAsync(["--reporter", "json", "--pg-version", pgVersion, .. versionFiles], folder.FullName);
                using var json = JsonDocument.Parse(output);
                foreach (var finding in json.RootElement.EnumerateArray())
                {
                    var name = files[Path.GetFileName(finding.GetProperty("file").GetString()!)];
                    var rule = finding.GetProperty("rule_name").GetString()!;
                    findings[name] = [.. findings.GetValueOrDefault(name) ?? [], rule];
                }
            }

            return findings;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record SquawkCase(
        string Rule,
        string Name,
        Change Change,
        SchemaModel From,
        SchemaModel To,
        int Version,
        string[] Squawk,
        string? NoEquivalent)
    {
        public ClassificationContext Context => SafetyBuilders.Context(From, To, [Change], Version);
    }
}
