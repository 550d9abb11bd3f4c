using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Triggers: created from their catalog definition (then disabled or set to fire on replicas), dropped.</summary>
internal sealed class TriggerDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateTrigger>(Create, c => ChangeReverse.By(new DropTrigger(c.TableName, c.Trigger)),
            rank: _ => 390,
            locate: (c, at) => at.Trigger(c.TableName, c.Trigger.Name) ?? at.Table(c.TableName)),
        DdlHandler.For<DropTrigger>(Drop, c => ChangeReverse.By(new CreateTrigger(c.TableName, c.Trigger)),
            rank: _ => 10,
            locate: (c, at) => at.Table(c.TableName)),
    ];

    private static void Create(CreateTrigger c, DdlBuilder ddl)
    {
        var trigger = c.Trigger;
        ddl.Emit(new TriggerSql.Create(Trim(trigger.Definition)));
        ISqlStatement? state = trigger.Enabled switch
        {
            "D" => new TriggerSql.Disable(c.TableName, trigger.Name),
            "R" => new TriggerSql.Enable(c.TableName, trigger.Name, Replica: true),
            "A" => new TriggerSql.Enable(c.TableName, trigger.Name, Replica: false),
            _ => null,
        };
        if (state is not null)
        {
            ddl.Emit(state);
        }
    }

    private static void Drop(DropTrigger c, DdlBuilder ddl) =>
        ddl.Emit(new TriggerSql.Drop(c.TableName, c.Trigger.Name));
}
