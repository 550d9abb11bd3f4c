using System.Collections.Frozen;
using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// The DDL generators, keyed by change type: every concrete <see cref="DdlGenerator"/> in this assembly, each
/// change type handled by exactly one of them (a test checks every change type has one).
/// </summary>
internal static class DdlGenerators
{
    private static readonly FrozenDictionary<Type, DdlHandler> ByChangeType = Register(
        typeof(DdlGenerator).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DdlGenerator)) && !t.IsAbstract));

    /// <summary>The handler of every change type, by type.</summary>
    public static IReadOnlyDictionary<Type, DdlHandler> All => ByChangeType;

    public static DdlHandler For(Change change) =>
        ByChangeType.TryGetValue(change.GetType(), out var handler)
            ? handler
            : throw new NotSupportedException("DdlWriter has no statements for change kind " + change.Kind);

    /// <summary>The handlers of <paramref name="generatorTypes"/>; an error when two claim one change type.</summary>
    internal static FrozenDictionary<Type, DdlHandler> Register(IEnumerable<Type> generatorTypes)
    {
        var handlers = new Dictionary<Type, DdlHandler>();
        var owners = new Dictionary<Type, string>();
        foreach (var type in generatorTypes.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var generator = (DdlGenerator)Activator.CreateInstance(type, nonPublic: true)!;
            foreach (var handler in generator.Handlers)
            {
                if (owners.TryGetValue(handler.ChangeType, out var owner))
                {
                    throw new InvalidOperationException(
                        "change type " + handler.ChangeType.Name + " has two DDL generators, " + owner + " and " + type.Name + ": keep one");
                }

                owners[handler.ChangeType] = type.Name;
                handlers[handler.ChangeType] = handler;
            }
        }

        return handlers.ToFrozenDictionary();
    }
}
