using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Columns: added, altered (one statement per sub-change), renamed (with their followers), dropped.</summary>
internal sealed class ColumnDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<AddColumn>(Add, c => ChangeReverse.By(new DropColumn(c.TableName, c.Column)),
            rank: _ => 310,
            locate: (c, at) => at.Column(c.TableName, c.Column.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<AlterColumn>(Alter, c => ChangeReverse.By(new AlterColumn(c.TableName, c.New, c.Old, c.Changed)),
            rank: _ => 320,
            locate: (c, at) => at.Column(c.TableName, c.New.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<RenameColumn>(Rename, c => ChangeReverse.By(new RenameColumn(c.TableName, c.New, c.Old) { Followers = RenameFollowers.Reversed(c.Followers) }),
            rank: _ => 300,
            locate: (c, at) => at.Column(c.TableName, c.New.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<DropColumn>(Drop, _ => ChangeReverse.None("the dropped column's values are lost; restore them from a backup"),
            rank: _ => 60,
            locate: (c, at) => at.Table(c.TableName)),
    ];

    private static void Add(AddColumn c, DdlBuilder ddl) =>
        ddl.Emit(new ColumnSql.Add(c.TableName, ColumnDefinitions.Of(c.Column, inheritedGenerated: false)));

    private static void Alter(AlterColumn c, DdlBuilder ddl) => Alter(c.TableName, c.Old, c.New, c.Changed, ddl);

    /// <summary>
    /// One statement per sub-change, in the order PostgreSQL accepts them: what must go first (expression,
    /// identity, default) is dropped first, then the type, NOT NULL, identity and default are set.
    /// </summary>
    private static void Alter(QualifiedName tableName, Column old, Column @new, ColumnChange changed, DdlBuilder ddl)
    {
        var column = @new.Name;
        if (changed.HasFlag(ColumnChange.Generated) && @new.Generated is not null)
        {
            // Only a new column can be generated: drop it and add it back with its expression.
            ddl.Emit(new ColumnSql.Drop(tableName, old.Name));
            ddl.Emit(new ColumnSql.Add(tableName, ColumnDefinitions.Of(@new, inheritedGenerated: false)));
            return;
        }

        if (changed.HasFlag(ColumnChange.Generated))
        {
            ddl.Emit(new ColumnSql.DropExpression(tableName, column));
        }

        if (changed.HasFlag(ColumnChange.Identity) && old.Identity != IdentityKind.None && @new.Identity == IdentityKind.None)
        {
            ddl.Emit(new ColumnSql.DropIdentity(tableName, column, IfExists: true));
        }

        var typeChanges = (changed & (ColumnChange.Type | ColumnChange.Collation)) != 0;

        // A default names the old type (enums) or may not cast: drop it around a type change.
        var resetDefault = old.Default is not null && (changed.HasFlag(ColumnChange.Default) || (typeChanges && changed.HasFlag(ColumnChange.Type)));
        if (resetDefault)
        {
            ddl.Emit(new ColumnSql.DropDefault(tableName, column, Only: true));
        }

        if (typeChanges && changed.HasFlag(ColumnChange.Type) && Recipes.ColumnConversion.IsTimeZoneChange(old.Type, @new.Type))
        {
            // timestamp ↔ timestamptz reads the values in the session's TimeZone: pinned, so the result does not
            // depend on who runs the file (and with UTC, PostgreSQL 12+ skips the rewrite).
            ddl.Emit(new SessionSql.SetLocal("TimeZone", Recipes.ColumnConversion.DefaultTimeZone));
        }

        if (typeChanges)
        {
            var convert = changed.HasFlag(ColumnChange.Type) ? Sql.Quote(@new.Name) + CastThroughText(old, @new, ddl) + "::" + @new.Type : null;
            ddl.Emit(new ColumnSql.SetType(tableName, column, @new.Type, @new.Collation, convert));
        }

        if (changed.HasFlag(ColumnChange.Nullability) && @new.NotNull)
        {
            ddl.Emit(new ColumnSql.SetNotNull(tableName, column));
        }

        if (changed.HasFlag(ColumnChange.Identity) && @new.Identity != IdentityKind.None)
        {
            var always = @new.Identity == IdentityKind.Always;
            if (old.Identity == IdentityKind.None)
            {
                // The sequence continues past the values already there, read when the step runs.
                ddl.Emit(new ColumnSql.AddIdentity(tableName, column, always, @new.IdentityOptions));
                ddl.Emit(new ColumnSql.IdentityPastValues(tableName, column));
            }
            else
            {
                ddl.Emit(new ColumnSql.SetIdentity(tableName, column, always));
            }
        }

        if (changed.HasFlag(ColumnChange.IdentityOptions))
        {
            ddl.Emit(new ColumnSql.SetIdentityOptions(tableName, column, IdentityOptions.Of(@new)));
        }

        if (@new.Default is not null && (resetDefault || changed.HasFlag(ColumnChange.Default)))
        {
            ddl.Emit(new ColumnSql.SetDefault(tableName, column, @new.Default, Only: true));
        }

        if (changed.HasFlag(ColumnChange.Nullability) && !@new.NotNull)
        {
            ddl.Emit(new ColumnSql.DropNotNull(tableName, column));
        }
    }

    /// <summary>
    /// An enum is reached only from text (there is no cast from another enum or from integers): go through
    /// text when the new type is an enum and the old one is not already text.
    /// </summary>
    private static string CastThroughText(Column old, Column @new, DdlBuilder ddl)
    {
        var isEnum = ddl.From?.FindEnum(@new.TypeName) is not null || ddl.To?.FindEnum(@new.TypeName) is not null;
        if (!isEnum || old.Type is "text" or "text[]")
        {
            return "";
        }

        return old.Type.EndsWith("[]", StringComparison.Ordinal) ? "::text[]" : "::text";
    }

    private static void Rename(RenameColumn c, DdlBuilder ddl)
    {
        ddl.Emit(new ColumnSql.Rename(c.TableName, c.Old.Name, c.New.Name));
        var renamed = c.Old with { Name = c.New.Name };
        var changed = ColumnComparison.Compare(renamed, c.New);
        if (changed != ColumnChange.None)
        {
            Alter(c.TableName, renamed, c.New, changed, ddl);
        }

        foreach (var statement in RenameFollowers.Renames(c.TableName, c.Followers))
        {
            ddl.Emit(statement);
        }
    }

    /// <summary>
    /// A plain drop recurses to inheritance children; when the target keeps the column in a child, drop it
    /// from the parent ONLY, so the child's copy stays (as its own).
    /// </summary>
    private static void Drop(DropColumn c, DdlBuilder ddl)
    {
        var childKeepsIt = ddl.To is { } to && to.Tables.Any(t => t.Inherits.Contains(c.TableName) && t.FindColumn(c.Column.Name) is not null);
        ddl.Emit(new ColumnSql.Drop(c.TableName, c.Column.Name, Only: childKeepsIt));
    }
}
