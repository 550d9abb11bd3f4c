using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Analysis;

/// <summary>
/// Points each change at the desired DDL that introduced it: the statement, or the column/constraint line
/// inside CREATE TABLE. Changes that come from something removed point at the table's definition, or at the
/// first desired file when the table itself is gone.
/// </summary>
public sealed class ChangeLocator
{
    private readonly DdlLocations locations;
    private readonly SourceLocation? fallback;

    public ChangeLocator(DdlLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        this.locations = locations;
        fallback = locations.Fallback;
    }

    public SourceLocation? Locate(Change change) => Find(change) ?? fallback;

    private SourceLocation? Find(Change change) => change switch
    {
        CreateSchema c => locations.Schema(c.Schema.Name),
        CreateExtension c => locations.Extension(c.Extension.Name),
        AlterExtension c => locations.Extension(c.New.Name),
        CreateCollation or ReplaceCollation or DropCollation => null,
        CreateEnum c => locations.Type(c.Enum.Name),
        AddEnumValue c => locations.Type(c.New.Name),
        ReplaceEnum c => locations.Type(c.New.Name),
        CreateCompositeType c => locations.Type(c.Type.Name),
        AlterCompositeType c => locations.Type(c.New.Name),
        ReplaceCompositeType c => locations.Type(c.New.Name),
        CreateRangeType c => locations.Type(c.Type.Name),
        ReplaceRangeType c => locations.Type(c.New.Name),
        CreateDomain c => locations.Type(c.Domain.Name),
        AlterDomain c => locations.Type(c.New.Name),
        CreateSequence c => locations.Sequence(c.Sequence.Name),
        AlterSequence c => locations.Sequence(c.New.Name) ?? Owner(c.New),
        CreateTable c => locations.Table(c.Definition.Name),
        RenameTable c => locations.Table(c.New.Name),
        AlterTable c => locations.Table(c.New.Name),
        AddColumn c => locations.Column(c.TableName, c.Column.Name) ?? locations.Table(c.TableName),
        RenameColumn c => locations.Column(c.TableName, c.New.Name) ?? locations.Table(c.TableName),
        AlterColumn c => locations.Column(c.TableName, c.New.Name) ?? locations.Table(c.TableName),
        DropColumn c => locations.Table(c.TableName),
        AddConstraint c => locations.Constraint(c.TableName, c.Constraint.Name)
            ?? locations.Table(c.TableName),
        ValidateConstraint c => locations.Constraint(c.TableName, c.Constraint.Name)
            ?? locations.Table(c.TableName),
        DropConstraint c => locations.Table(c.TableName),
        AddIndex c => locations.Index(c.TableName.Schema, c.Index.Name) ?? locations.Relation(c.TableName),
        DropIndex c => locations.Relation(c.TableName),
        CreateView c => locations.View(c.View.Name),
        ReplaceView c => locations.View(c.New.Name),
        CreateFunction c => locations.Function(c.Function.Name),
        ReplaceFunction c => locations.Function(c.New.Name),
        CreateTrigger c => locations.Trigger(c.TableName, c.Trigger.Name) ?? locations.Table(c.TableName),
        DropTrigger c => locations.Table(c.TableName),
        CreatePolicy c => locations.Policy(c.TableName, c.Policy.Name) ?? locations.Table(c.TableName),
        AlterPolicy c => locations.Policy(c.TableName, c.New.Name) ?? locations.Table(c.TableName),
        DropPolicy c => locations.Table(c.TableName),
        SetComment c => locations.Comment(c.Target),
        ChangePrivileges c => TryRelation(c.Name),
        _ => null,
    };

    private SourceLocation? Owner(Sequence sequence) =>
        sequence.OwnedByTable is { } table
            ? (sequence.OwnedByColumn is { } column ? locations.Column(table, column) : null) ?? locations.Table(table)
            : null;

    private SourceLocation? TryRelation(string name)
    {
        try
        {
            return locations.Relation(Configuration.ObjectPath.ParseTable(name, "privileges"));
        }
        catch (Errors.SchemaPlannerException)
        {
            return null;
        }
    }
}
