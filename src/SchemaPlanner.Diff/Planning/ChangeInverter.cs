using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning;

/// <summary>
/// The change that undoes a change, for down scripts. Null, with a reason, when undoing cannot bring back what
/// was there (dropped data, dropped values).
/// </summary>
public static class ChangeInverter
{
    public static (Change? Inverse, string? Irreversible) Invert(Change change) => change switch
    {
        CreateSchema c => (new DropSchema(c.Schema), null),
        DropSchema c => (new CreateSchema(c.Schema), null),
        CreateExtension c => (new DropExtension(c.Extension), null),
        DropExtension c => (new CreateExtension(c.Extension), null),
        AlterExtension c => (null, "extension update scripts cannot be undone in general (ALTER EXTENSION has no downgrade path)"),
        CreateCollation c => (new DropCollation(c.Collation), null),
        DropCollation c => (new CreateCollation(c.Collation), null),
        ReplaceCollation c => (new ReplaceCollation(c.New, c.Old), null),
        CreateEnum c => (new DropEnum(c.Enum), null),
        DropEnum c => (new CreateEnum(c.Enum), null),
        AddEnumValue => (null, "PostgreSQL cannot remove a value from an enum; the added value stays (it is harmless while unused)"),
        ReplaceEnum c => (new ReplaceEnum(c.New, c.Old), null),
        CreateDomain c => (new DropDomain(c.Domain), null),
        DropDomain c => (new CreateDomain(c.Domain), null),
        AlterDomain c => (new AlterDomain(c.New, c.Old), null),
        CreateSequence c => (new DropSequence(c.Sequence), null),
        DropSequence => (null, "the dropped sequence's current value is lost"),
        AlterSequence c => (new AlterSequence(c.New, c.Old), null),
        CreateTable c => (new DropTable(c.Definition), null),
        DropTable => (null, "the dropped table's rows are lost; restore them from a backup"),
        RenameTable c => (new RenameTable(c.New, c.Old) { Followers = Diffing.RenameFollowers.Reversed(c.Followers) }, null),
        AlterTable c => (new AlterTable(c.New, c.Old, c.Changed), null),
        AddColumn c => (new DropColumn(c.TableName, c.Column), null),
        DropColumn => (null, "the dropped column's values are lost; restore them from a backup"),
        RenameColumn c => (new RenameColumn(c.TableName, c.New, c.Old) { Followers = Diffing.RenameFollowers.Reversed(c.Followers) }, null),
        AlterColumn c => (new AlterColumn(c.TableName, c.New, c.Old, c.Changed), null),
        AddIndex c => (new DropIndex(c.TableName, c.Index), null),
        DropIndex c => (new AddIndex(c.TableName, c.Index), null),
        AddConstraint c => (new DropConstraint(c.TableName, c.Constraint), null),
        DropConstraint c => (new AddConstraint(c.TableName, c.Constraint), null),
        ValidateConstraint => (null, "a validated constraint cannot be made NOT VALID again; it is harmless to keep"),
        CreateView c => (new DropView(c.View), null),
        DropView c => (new CreateView(c.View), null),
        ReplaceView c => (new ReplaceView(c.New, c.Old), null),
        CreateFunction c => (new DropFunction(c.Function), null),
        DropFunction c => (new CreateFunction(c.Function), null),
        ReplaceFunction c => (new ReplaceFunction(c.New, c.Old), null),
        CreateTrigger c => (new DropTrigger(c.TableName, c.Trigger), null),
        DropTrigger c => (new CreateTrigger(c.TableName, c.Trigger), null),
        CreatePolicy c => (new DropPolicy(c.TableName, c.Policy), null),
        DropPolicy c => (new CreatePolicy(c.TableName, c.Policy), null),
        AlterPolicy c => (new AlterPolicy(c.TableName, c.New, c.Old), null),
        SetComment c => (new SetComment(c.Target, c.New, c.Old), null),
        ChangePrivileges c => (new ChangePrivileges(c.ObjectType, c.Name, c.New, c.Old), null),
        _ => (null, "SchemaPlanner cannot undo a " + change.Kind),
    };
}
