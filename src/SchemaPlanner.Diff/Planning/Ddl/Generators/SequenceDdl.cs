using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Sequences: created with every option spelled out, altered clause by clause, dropped.</summary>
internal sealed class SequenceDdl : DdlGenerator
{
    /// <summary>Rank of an <c>OWNED BY NONE</c>: before columns and tables are dropped.</summary>
    private const int DisownSequence = 55;

    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateSequence>(Create, c => ChangeReverse.By(new DropSequence(c.Sequence)),
            rank: _ => 250,
            locate: (c, at) => at.Sequence(c.Sequence.Name)),
        DdlHandler.For<AlterSequence>(Alter, c => ChangeReverse.By(new AlterSequence(c.New, c.Old)),
            rank: _ => 330,
            locate: (c, at) => at.Sequence(c.New.Name) ?? Owner(c.New, at),
            rankIn: (c, _) => c.Old.OwnedByTable is not null && c.New.OwnedByTable is null ? DisownSequence : null),
        DdlHandler.For<DropSequence>(Drop, _ => ChangeReverse.None("the dropped sequence's current value is lost"),
            rank: _ => 332,
            locate: (_, _) => null),
    ];

    /// <summary>A sequence the desired DDL does not create itself (serial, identity): its owning column's line.</summary>
    private static SourceLocation? Owner(Sequence sequence, DdlLocations at) =>
        sequence.OwnedByTable is { } table
            ? (sequence.OwnedByColumn is { } column ? at.Column(table, column) : null) ?? at.Table(table)
            : null;

    private static void Create(CreateSequence c, DdlBuilder ddl)
    {
        var s = c.Sequence;
        var owned = s.OwnedByTable is not null && s.OwnedByColumn is not null;
        ddl.Emit(new SequenceSql.Create(
            s.Name, s.DataType, s.Increment, s.MinValue, s.MaxValue, s.Start, s.Cache, s.Cycle,
            owned ? s.OwnedByTable : null, owned ? s.OwnedByColumn : null));
    }

    /// <summary>One <c>ALTER SEQUENCE</c> with a clause per option that changes (none: no statement).</summary>
    private static void Alter(AlterSequence c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        var typeChanged = old.DataType != @new.DataType;
        var ownerChanged = old.OwnedByTable != @new.OwnedByTable || old.OwnedByColumn != @new.OwnedByColumn;
        var owned = @new.OwnedByTable is not null && @new.OwnedByColumn is not null;

        // A type change moves the default bounds; say them whenever they differ from the desired ones.
        var alter = new SequenceSql.Alter(
            @new.Name,
            DataType: typeChanged ? @new.DataType : null,
            Increment: old.Increment != @new.Increment ? @new.Increment : null,
            MinValue: old.MinValue != @new.MinValue || typeChanged ? @new.MinValue : null,
            MaxValue: old.MaxValue != @new.MaxValue || typeChanged ? @new.MaxValue : null,
            Start: old.Start != @new.Start ? @new.Start : null,
            Cache: old.Cache != @new.Cache ? @new.Cache : null,
            Cycle: old.Cycle != @new.Cycle ? @new.Cycle : null,
            SetOwner: ownerChanged,
            OwnedByTable: ownerChanged && owned ? @new.OwnedByTable : null,
            OwnedByColumn: ownerChanged && owned ? @new.OwnedByColumn : null);
        if (alter != new SequenceSql.Alter(@new.Name))
        {
            ddl.Emit(alter);
        }
    }

    // IF EXISTS: a sequence owned by a column goes with it when a recipe retires that column first.
    private static void Drop(DropSequence c, DdlBuilder ddl) => ddl.Emit(new SequenceSql.Drop(c.Sequence.Name, IfExists: true));
}
