using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Triggers: created from their catalog definition (then disabled or set to fire on replicas), dropped.</summary>
internal sealed class TriggerDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateTrigger>(Create, c => ChangeReverse.By(new DropTrigger(c.TableName, c.Trigger))),
        DdlHandler.For<DropTrigger>(Drop, c => ChangeReverse.By(new CreateTrigger(c.TableName, c.Trigger))),
    ];

    private static void Create(CreateTrigger c, DdlBuilder ddl)
    {
        var trigger = c.Trigger;
        ddl.Emit(Trim(trigger.Definition));
        var state = trigger.Enabled switch
        {
            "D" => " DISABLE TRIGGER ",
            "R" => " ENABLE REPLICA TRIGGER ",
            "A" => " ENABLE ALWAYS TRIGGER ",
            _ => null,
        };
        if (state is not null)
        {
            ddl.Emit(AlterTable(c.TableName) + state + Sql.Quote(trigger.Name));
        }
    }

    private static void Drop(DropTrigger c, DdlBuilder ddl) =>
        ddl.Emit("DROP TRIGGER " + Sql.Quote(c.Trigger.Name) + " ON " + c.TableName.Sql);
}
