using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// PostgreSQL refuses to drop an object others depend on. When the diff drops something (a unique constraint that
/// becomes the primary key, a function whose parameters are renamed, a view that is re-created) while an object that
/// depends on it stays the same in the desired schema, that dependent is dropped before and re-created after, as
/// <c>pg_dump</c> would: foreign keys, checks, views, functions (a signature or SQL-standard body naming it),
/// triggers, policies, indexes, column defaults and domain CHECKs. Re-created objects are dropped in turn, so their own dependents
/// follow. <see cref="DependencyOrder"/> then puts every drop before and every create after.
/// </summary>
internal static class DependentRebuilds
{
    public static void Add(SchemaModel from, SchemaModel to, List<Change> changes)
    {
        if (from.Dependencies.IsEmpty)
        {
            return;
        }

        var dropped = changes.SelectMany(ChangeObjects.Drops).ToHashSet();
        var dependents = from.Dependencies.ToLookup(d => d.Referenced, d => d.Dependent);
        var pending = new Queue<ObjectRef>(dropped.Order());
        while (pending.TryDequeue(out var gone))
        {
            foreach (var dependent in dependents[gone].Order().Where(d => !dropped.Contains(d)).ToList())
            {
                foreach (var now in Rebuild(dependent, from, to, changes).Where(dropped.Add))
                {
                    pending.Enqueue(now);
                }
            }
        }
    }

    /// <summary>Adds the drop and the create of <paramref name="dependent"/>; returns what that drops.</summary>
    private static IReadOnlyList<ObjectRef> Rebuild(ObjectRef dependent, SchemaModel from, SchemaModel to, List<Change> changes)
    {
        var name = dependent.Name;
        var member = dependent.Member;
        Change? drop = null;
        var creates = new List<Change>();
        switch (dependent.Kind)
        {
            case ObjectKind.Constraint when Pair(from, to, name, t => t.Constraints.FirstOrDefault(c => c.Name == member)) is var (old, now):
                drop = new DropConstraint(name, old);
                creates.Add(new AddConstraint(name, now));
                break;
            case ObjectKind.Index when Pair(from, to, name, t => t.Indexes.FirstOrDefault(i => i.Name == member)) is var (old, now):
                drop = new DropIndex(name, old);
                creates.Add(new AddIndex(name, now));
                break;
            case ObjectKind.Trigger when Pair(from, to, name, t => t.Triggers.FirstOrDefault(g => g.Name == member)) is var (old, now):
                drop = new DropTrigger(name, old);
                creates.Add(new CreateTrigger(name, now));
                break;
            case ObjectKind.Policy when Pair(from, to, name, t => t.Policies.FirstOrDefault(p => p.Name == member)) is var (old, now):
                changes.RemoveAll(c => c is AlterPolicy p && p.TableName == name && p.Old.Name == member);
                drop = new DropPolicy(name, old);
                creates.Add(new CreatePolicy(name, now));
                break;
            case ObjectKind.Default when Pair(from, to, name, t => t.FindColumn(member!)) is var (old, now)
                && old.Generated is null && now.Default is not null && !changes.Any(c => c is AlterColumn a && a.TableName == name && a.Old.Name == member):
                var bare = old with { Default = null, DefaultVolatility = null };
                drop = new AlterColumn(name, old, bare, ColumnChange.Default);
                creates.Add(new AlterColumn(name, bare, now, ColumnChange.Default));
                break;
            // A domain CHECK calling a function that is dropped and created: the CHECK alone goes and comes back.
            case ObjectKind.Type when member is not null && DomainCheckPair(from, to, name, member) is var (domain, check):
                var without = domain with { Checks = domain.Checks.Where(k => k.Name != member).ToEquatableArray() };
                drop = new AlterDomain(domain, without);
                creates.Add(new AlterDomain(without, without with { Checks = without.Checks.Append(check).OrderBy(k => k.Name, StringComparer.Ordinal).ToEquatableArray() }));
                break;
            case ObjectKind.View when from.Views.FirstOrDefault(v => v.Name == name) is { } old && to.Views.FirstOrDefault(v => v.Name == name) is { } now:
                changes.RemoveAll(c => c switch
                {
                    ReplaceView r => r.New.Name == name,
                    AddIndex i => i.TableName == name,
                    DropIndex i => i.TableName == name,
                    ChangePrivileges p => p.ObjectType == "TABLE" && p.Name == name.ToString(),
                    _ => false,
                });
                drop = new DropView(old);
                ViewDiffer.AddCreate(now, creates);
                break;
            case ObjectKind.Function when Find(from, name, member) is { } old && Find(to, name, member) is { } now:
                changes.RemoveAll(c => c switch
                {
                    ReplaceFunction r => r.New.Name == name && r.New.Arguments == member,
                    ChangePrivileges p => p.Name == old.Signature,
                    _ => false,
                });
                drop = new DropFunction(old);
                creates.Add(new CreateFunction(now));
                SchemaDiffer.AddPrivileges(null, now, creates);
                break;
        }

        if (drop is null)
        {
            return [];
        }

        changes.Add(drop);
        changes.AddRange(creates);
        return ChangeObjects.Drops(drop);
    }

    /// <summary>The domain as it is now, and its CHECK as desired, when both models have the domain with that CHECK.</summary>
    private static (Domain Domain, DomainCheck Check)? DomainCheckPair(SchemaModel from, SchemaModel to, QualifiedName name, string check) =>
        from.Domains.FirstOrDefault(d => d.Name == name) is { } old && old.Checks.Any(k => k.Name == check)
        && to.Domains.FirstOrDefault(d => d.Name == name) is { } now && now.Checks.FirstOrDefault(k => k.Name == check) is { } desired
            ? (old, desired)
            : null;

    private static Function? Find(SchemaModel model, QualifiedName name, string? arguments) =>
        model.Functions.FirstOrDefault(f => f.Name == name && f.Arguments == arguments);

    /// <summary>The member of a table in both models, when it is in both (else null: the diff drops or creates it).</summary>
    private static (T Old, T New)? Pair<T>(SchemaModel from, SchemaModel to, QualifiedName table, Func<Table, T?> member)
        where T : class =>
        from.FindTable(table) is { } a && member(a) is { } old && to.FindTable(table) is { } b && member(b) is { } now ? (old, now) : null;
}
