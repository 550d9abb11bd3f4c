using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// What hangs off a renamed column: unique, check and foreign key constraints (its own, and foreign keys of other
/// tables referencing it) and plain indexes. The diff shows them as drops of the old ones and adds of new ones on
/// the new column. The old ones keep guarding the data (through the old column, which the sync trigger keeps
/// equal) until the old column goes in release 2; the new ones are built on the new column once it is backfilled
/// and verified. A new one whose name is still taken by an old one is built under a helper name and takes its
/// name when the old one is dropped.
/// </summary>
internal sealed class RenamedColumnDependents
{
    private readonly List<DropConstraint> droppedConstraints;
    private readonly List<AddConstraint> addedConstraints;
    private readonly List<AddIndex> addedIndexes;
    private readonly Dictionary<Change, string> helperNames = new(ReferenceEqualityComparer.Instance);

    private RenamedColumnDependents(List<DropConstraint> droppedConstraints, List<AddConstraint> addedConstraints, List<AddIndex> addedIndexes)
    {
        this.droppedConstraints = droppedConstraints;
        this.addedConstraints = addedConstraints;
        this.addedIndexes = addedIndexes;
    }

    /// <summary>
    /// Finds and claims the dependents of the renamed column: the indexes and constraints that follow the rename
    /// (<see cref="RenameColumn.Followers"/>), and any drop and add of one on the old and the new column.
    /// </summary>
    public static RenamedColumnDependents Claim(PlanningContext context, RenameColumn rename)
    {
        var (table, old, @new) = (rename.TableName, rename.Old.Name, rename.New.Name);
        var changes = context.Changes.Select(c => c.Change).Where(c => !context.IsClaimed(c)).ToList();

        // Primary keys and exclusion constraints have no online path through this recipe: left to their own.
        static bool Movable(Constraint c) => c.Kind is ConstraintKind.Unique or ConstraintKind.Check or ConstraintKind.ForeignKey;
        bool On(QualifiedName owner, Constraint c, string column) =>
            (owner == table && c.Columns.Contains(column))
            || (c.Kind == ConstraintKind.ForeignKey && c.ReferencedTable == table && c.ReferencedColumns.Contains(column));

        var dropped = changes.OfType<DropConstraint>().Where(d => Movable(d.Constraint) && On(d.TableName, d.Constraint, old))
            .OrderBy(d => d.TableName == table ? 1 : 0) // foreign keys of other tables first: they depend on the unique index
            .ToList();
        var added = changes.OfType<AddConstraint>().Where(a => Movable(a.Constraint) && On(a.TableName, a.Constraint, @new))
            .OrderBy(a => a.Constraint.Kind switch { ConstraintKind.Unique => 0, ConstraintKind.Check => 1, _ => 2 }) // a foreign key needs the unique index
            .ThenBy(a => a.TableName == table ? 0 : 1)
            .ToList();
        var oldTable = context.From.FindTable(table);
        var newTable = context.To.FindTable(table);
        var droppedIndexes = changes.OfType<DropIndex>()
            .Where(d => d.TableName == table && d.Index.Constraint is null && Placement.Columns(oldTable, d.Index).Contains(old))
            .ToList();
        var addedIndexes = changes.OfType<AddIndex>()
            .Where(a => a.TableName == table && a.Index.Constraint is null && Placement.Columns(newTable, a.Index).Contains(@new))
            .ToList();
        foreach (var change in dropped.Cast<Change>().Concat(added).Concat(droppedIndexes).Concat(addedIndexes))
        {
            context.Claim(change);
        }

        // A follower is the same object on the new column: on the new column it must be built as if it were an add,
        // and the old one kept until the old column goes, as if it were a drop.
        foreach (var follower in rename.Followers)
        {
            var owner = follower.Table ?? table;
            if (follower.Kind == "index")
            {
                if (oldTable?.Indexes.FirstOrDefault(i => i.Name == follower.Old.Name) is not null
                    && newTable?.Indexes.FirstOrDefault(i => i.Name == follower.New.Name) is { } index)
                {
                    addedIndexes.Add(new AddIndex(table, index));
                }
            }
            else if (context.From.FindTable(owner)?.Constraints.FirstOrDefault(c => c.Name == follower.Old.Name) is { } was
                && context.To.FindTable(owner)?.Constraints.FirstOrDefault(c => c.Name == follower.New.Name) is { } becomes
                && Movable(was))
            {
                dropped.Add(new DropConstraint(owner, was));
                added.Add(new AddConstraint(owner, becomes));
            }
        }

        dropped = [.. dropped.OrderBy(d => d.TableName == table ? 1 : 0)];
        added = [.. added.OrderBy(a => a.Constraint.Kind switch { ConstraintKind.Unique => 0, ConstraintKind.Check => 1, _ => 2 }).ThenBy(a => a.TableName == table ? 0 : 1)];

        var result = new RenamedColumnDependents(dropped, added, addedIndexes);
        var relations = context.From.Tables.Where(t => t.Name.Schema == table.Schema).SelectMany(t => t.Indexes).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var add in added)
        {
            // Constraint names are per table, but a unique constraint's index shares the schema's relation names.
            var taken = context.From.FindTable(add.TableName)?.Constraints.Any(c => c.Name == add.Constraint.Name) == true
                || (add.Constraint.Kind == ConstraintKind.Unique && relations.Contains(add.Constraint.Name));
            if (taken)
            {
                result.helperNames[add] = Sql.ShortName(add.Constraint.Name + "_sp_new");
            }
        }

        foreach (var add in addedIndexes.Where(a => relations.Contains(a.Index.Name)))
        {
            result.helperNames[add] = Sql.ShortName(add.Index.Name + "_sp_new");
        }

        return result;
    }

    /// <summary>
    /// Release 1 post-deploy (after the verify): indexes built concurrently, unique constraints attached USING
    /// INDEX, checks and foreign keys added NOT VALID and validated in a transaction of their own.
    /// </summary>
    public void PlanNew(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        foreach (var add in addedIndexes)
        {
            var name = NameOf(add, add.Index.Name);
            var index = new QualifiedName(add.TableName.Schema, name);
            IndexBuildSteps.AddIndex(
                change, context, output, add.TableName, name, Renamed(add.Index.Definition, add.Index.Name, name), add.Index.Unique, 1, Phase.PostDeploy, $"build index {index} on the backfilled column concurrently");
        }

        foreach (var add in addedConstraints)
        {
            var table = add.TableName;
            var constraint = add.Constraint;
            var name = Sql.Quote(NameOf(add, constraint.Name));
            if (constraint.Kind == ConstraintKind.Unique)
            {
                var index = new QualifiedName(table.Schema, NameOf(add, constraint.Name));
                var definition = context.To.FindTable(table)?.Indexes.FirstOrDefault(i => i.Constraint == constraint.Name)?.Definition
                    ?? context.Render(new IndexSql.CreateUnique(constraint.Name, table, constraint.Columns));
                IndexBuildSteps.AddKeyIndex(
                    change, context, output, table, index.Name, Renamed(definition, constraint.Name, index.Name), 1, Phase.PostDeploy, $"build the unique index for {name} on the backfilled column concurrently");
                output.Steps.Add(RecipeSteps.Locking(
                    change, context, 1, Phase.PostDeploy, "add_" + index.Name + "_using_index", $"attach {name} to its index (UNIQUE USING INDEX, a brief lock)",
                    RecipeSteps.Ddl(context, IndexBuildSteps.AttachKey(context, table, constraint with { Name = index.Name }, index.Name, guarded: true)),
                    RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, index.Name, IfExists: true))));
                continue;
            }

            var drop = new ConstraintSql.Drop(table, NameOf(add, constraint.Name), IfExists: true);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PostDeploy, "add_" + NameOf(add, constraint.Name) + "_not_valid", $"add constraint {name} on {table} NOT VALID (checks new rows only)",
                RecipeSteps.Ddl(context, drop, new ConstraintSql.Add(table, NameOf(add, constraint.Name), constraint.Definition, NotValid: true)),
                RecipeSteps.Ddl(context, drop)));
            if (constraint.Validated)
            {
                output.Steps.Add(RecipeSteps.Locking(
                    change, context, 1, Phase.PostDeploy, "validate_" + NameOf(add, constraint.Name), $"validate constraint {name} on {table} (scans without blocking writes)",
                    RecipeSteps.Ddl(context, new ConstraintSql.Validate(table, NameOf(add, constraint.Name))),
                    RecipeSteps.Ddl()) with { StatementTimeout = "0" });
            }
        }
    }

    /// <summary>
    /// Statements for release 2's transaction that drops the old column: the old constraints before it (foreign
    /// keys of other tables first; the old indexes go with the column)...
    /// </summary>
    public IEnumerable<ISqlStatement> DropOld() =>
        droppedConstraints.Select(d => new ConstraintSql.Drop(d.TableName, d.Constraint.Name, IfExists: true));

    /// <summary>... and, after it, the new ones built under a helper name take their own.</summary>
    public IEnumerable<ISqlStatement> TakeNames(PlanningContext context)
    {
        foreach (var add in addedIndexes.Where(helperNames.ContainsKey))
        {
            yield return new IndexSql.Rename(new QualifiedName(add.TableName.Schema, helperNames[add]), add.Index.Name, IfExists: true);
        }

        foreach (var add in addedConstraints.Where(helperNames.ContainsKey))
        {
            // Renaming a unique constraint renames its index too.
            yield return RecipeSteps.UnlessDone(
                context, new GuardSql.ConstraintExists(add.TableName, helperNames[add], Negated: true),
                new ConstraintSql.Rename(add.TableName, helperNames[add], add.Constraint.Name));
        }
    }

    private string NameOf(Change change, string name) => helperNames.GetValueOrDefault(change, name);

    /// <summary>An index definition (pg_get_indexdef) with the index's name replaced.</summary>
    private static string Renamed(string definition, string name, string newName) =>
        name == newName ? definition : definition.Replace($"INDEX {Sql.Quote(name)} ON ", $"INDEX {Sql.Quote(newName)} ON ", StringComparison.Ordinal);
}
