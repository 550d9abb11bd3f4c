using System.Text;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Sequences: created with every option spelled out, altered clause by clause, dropped.</summary>
internal sealed class SequenceDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateSequence>(Create, c => ChangeReverse.By(new DropSequence(c.Sequence))),
        DdlHandler.For<AlterSequence>(Alter, c => ChangeReverse.By(new AlterSequence(c.New, c.Old))),
        DdlHandler.For<DropSequence>(Drop, _ => ChangeReverse.None("the dropped sequence's current value is lost")),
    ];

    private static void Create(CreateSequence c, DdlBuilder ddl)
    {
        var sequence = c.Sequence;
        var sql = new StringBuilder("CREATE SEQUENCE ").Append(sequence.Name.Sql)
            .Append(" AS ").Append(sequence.DataType)
            .Append(" INCREMENT BY ").Append(Number(sequence.Increment))
            .Append(" MINVALUE ").Append(Number(sequence.MinValue))
            .Append(" MAXVALUE ").Append(Number(sequence.MaxValue))
            .Append(" START WITH ").Append(Number(sequence.Start))
            .Append(" CACHE ").Append(Number(sequence.Cache))
            .Append(sequence.Cycle ? " CYCLE" : " NO CYCLE");
        if (sequence.OwnedByTable is not null && sequence.OwnedByColumn is not null)
        {
            sql.Append(" OWNED BY ").Append(sequence.OwnedByTable.Member(sequence.OwnedByColumn));
        }

        ddl.Emit(sql.ToString());
    }

    private static void Alter(AlterSequence c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        var clauses = new List<string>();
        if (old.DataType != @new.DataType)
        {
            clauses.Add("AS " + @new.DataType);
        }

        if (old.Increment != @new.Increment)
        {
            clauses.Add("INCREMENT BY " + Number(@new.Increment));
        }

        // A type change moves the default bounds; say them whenever they differ from the desired ones.
        if (old.MinValue != @new.MinValue || old.DataType != @new.DataType)
        {
            clauses.Add("MINVALUE " + Number(@new.MinValue));
        }

        if (old.MaxValue != @new.MaxValue || old.DataType != @new.DataType)
        {
            clauses.Add("MAXVALUE " + Number(@new.MaxValue));
        }

        if (old.Start != @new.Start)
        {
            clauses.Add("START WITH " + Number(@new.Start));
        }

        if (old.Cache != @new.Cache)
        {
            clauses.Add("CACHE " + Number(@new.Cache));
        }

        if (old.Cycle != @new.Cycle)
        {
            clauses.Add(@new.Cycle ? "CYCLE" : "NO CYCLE");
        }

        if (old.OwnedByTable != @new.OwnedByTable || old.OwnedByColumn != @new.OwnedByColumn)
        {
            clauses.Add(@new.OwnedByTable is not null && @new.OwnedByColumn is not null
                ? "OWNED BY " + @new.OwnedByTable.Member(@new.OwnedByColumn)
                : "OWNED BY NONE");
        }

        if (clauses.Count > 0)
        {
            ddl.Emit("ALTER SEQUENCE " + @new.Name.Sql + " " + string.Join(" ", clauses));
        }
    }

    // IF EXISTS: a sequence owned by a column goes with it when a recipe retires that column first.
    private static void Drop(DropSequence c, DdlBuilder ddl) => ddl.Emit("DROP SEQUENCE IF EXISTS " + c.Sequence.Name.Sql);
}
