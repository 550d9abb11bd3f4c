using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A table rename breaks the app still using the old name: release 1 renames the table and, in the same
/// transaction, creates an updatable view under the old name; indexes, constraints and owned sequences are
/// renamed to the names the desired schema has; release 2's post-deploy drops the view.
/// </summary>
public sealed class RenameTableWithViewRecipe : Recipe
{
    public override string Name => Safety.Recipes.RenameTableWithView;

    public override int Priority => 30;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not RenameTable rename)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var (old, @new) = (rename.Old.Name, rename.New.Name);
        var up = new List<string> { context.Render(new TableSql.Rename(old, @new.Name)) };
        var down = new List<string>();

        // The names that follow the table's (posts_pkey, posts_title_idx, posts_id_seq), as the differ found them.
        up.AddRange(Diffing.RenameFollowers.Statements(@new, rename.Followers, context.Render));
        down.AddRange(Diffing.RenameFollowers.Statements(@new, Diffing.RenameFollowers.Reversed(rename.Followers), context.Render));

        // ALTER TABLE … RENAME keeps every constraint, on this table or on others referencing it (foreign keys point
        // at the table's OID): a drop and add that differ only by the table's name in REFERENCES, or by their own
        // name (posts_pkey -> articles_pkey), are the same constraint. Re-creating one would leave a gap in which
        // the old app writes orphans; rename it if its name changes, else leave it alone.
        foreach (var dropped in context.Changes.Select(c => c.Change).OfType<DropConstraint>()
            .Where(d => d.TableName == @new || d.Constraint.ReferencedTable == old || d.Constraint.ReferencedTable == @new).ToList())
        {
            var followed = Followed(dropped.Constraint, old, @new);
            var added = context.Changes.Select(c => c.Change).OfType<AddConstraint>()
                .FirstOrDefault(a => a.TableName == dropped.TableName && !context.IsClaimed(a) && a.Constraint with { Name = followed.Name } == followed);
            if (added is null)
            {
                continue;
            }

            context.Claim(dropped);
            context.Claim(added);
            if (added.Constraint.Name != dropped.Constraint.Name)
            {
                up.Add(context.Render(new ConstraintSql.Rename(dropped.TableName, dropped.Constraint.Name, added.Constraint.Name)));
                down.Add(context.Render(new ConstraintSql.Rename(dropped.TableName, added.Constraint.Name, dropped.Constraint.Name)));
            }
        }

        foreach (var dropped in context.Changes.Select(c => c.Change).OfType<DropIndex>().Where(d => d.TableName == @new).ToList())
        {
            var added = context.Changes.Select(c => c.Change).OfType<AddIndex>()
                .FirstOrDefault(a => a.TableName == @new && a.Index.Shape == dropped.Index.Shape);
            if (added is not null)
            {
                context.Claim(dropped);
                context.Claim(added);
                up.Add(context.Render(new IndexSql.Rename(new QualifiedName(@new.Schema, dropped.Index.Name), added.Index.Name)));
                down.Add(context.Render(new IndexSql.Rename(new QualifiedName(@new.Schema, added.Index.Name), dropped.Index.Name)));
            }
        }

        // Owned sequences (serial): renaming the sequence keeps the column default pointing at it.
        foreach (var dropped in context.Changes.Select(c => c.Change).OfType<DropSequence>().Where(d => d.Sequence.OwnedByTable == old).ToList())
        {
            var created = context.Changes.Select(c => c.Change).OfType<CreateSequence>()
                .FirstOrDefault(c => c.Sequence.DataType == dropped.Sequence.DataType && context.To.Sequences.Any(s => s.Name == c.Sequence.Name && s.OwnedByTable == @new && s.OwnedByColumn == dropped.Sequence.OwnedByColumn));
            if (created is null)
            {
                continue;
            }

            context.Claim(dropped);
            context.Claim(created);
            foreach (var other in context.Changes.Select(c => c.Change).Where(c =>
                (c is AlterSequence s && s.New.Name == created.Sequence.Name)
                || (c is AlterColumn a && a.TableName == @new && a.Changed == ColumnChange.Default && a.Old.Default?.Contains(dropped.Sequence.Name.Name, StringComparison.Ordinal) == true)))
            {
                context.Claim(other);
            }

            up.Add(context.Render(new SequenceSql.Rename(dropped.Sequence.Name, created.Sequence.Name.Name)));
            down.Add(context.Render(new SequenceSql.Rename(created.Sequence.Name, dropped.Sequence.Name.Name)));
        }

        var view = new ViewSql.CreateOver(old, @new);
        var dropView = new ViewSql.Drop(old, IfExists: true);
        up.Add(context.Render(view));
        down.Insert(0, context.Render(dropView));
        down.Add(context.Render(new TableSql.Rename(@new, old.Name)));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, $"rename_table_{old.Name}_to_{@new.Name}", $"rename {old} to {@new}, leaving an updatable view under the old name",
            // Done once the old name is no longer a table (it is the view).
            RecipeSteps.Ddl(context, RecipeSteps.UnlessDone(context, new GuardSql.TableExists(old, Negated: true), up)),
            RecipeSteps.Ddl([.. down])) with
        {
            SquawkIgnores = ["renaming-table"],
            SquawkReason = "the old name stays usable as an updatable view until release 2",
        });
        output.AppInstructions.Add((1, $"Use {@new} instead of {old} (the old name is an updatable view until release 2)."));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "drop_view_" + old.Name, $"drop the compatibility view {old}",
            RecipeSteps.Ddl(context, dropView), RecipeSteps.Ddl(context, view)));
    }

    /// <summary>The constraint as it reads once the table it references is renamed from <paramref name="old"/> to <paramref name="new"/>.</summary>
    private static Constraint Followed(Constraint constraint, QualifiedName old, QualifiedName @new)
    {
        if (constraint.ReferencedTable != old)
        {
            return constraint;
        }

        // pg_get_constraintdef qualifies the referenced table only when it is not on the search_path.
        var definition = constraint.Definition
            .Replace($"REFERENCES {old.Sql}(", $"REFERENCES {@new.Sql}(", StringComparison.Ordinal)
            .Replace($"REFERENCES {Sql.Quote(old.Name)}(", $"REFERENCES {Sql.Quote(@new.Name)}(", StringComparison.Ordinal);
        return constraint with { ReferencedTable = @new, Definition = definition };
    }
}
