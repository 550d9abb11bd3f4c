using System.Text.RegularExpressions;
using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Which watched tables a step can change, so that the boundary after it checks those and not every watched
/// table: the tables whose name the step's SQL spells anywhere (a DO block's or a function's body included), or
/// the name of an object the table depends on or that depends on it in either schema (its columns' types, the
/// tables its foreign keys reference and those referencing it, its views, the functions its defaults and
/// triggers call, the other end of a <c>copy</c> hint). Names are compared unqualified, and every word both as
/// written and folded to lower case, so a step is taken to touch at least the tables it does.
/// </summary>
internal sealed partial class StepTables
{
    private readonly Dictionary<string, List<TableLedger>> byName = new(StringComparer.Ordinal);

    public StepTables(IReadOnlyList<TableLedger> ledgers, SchemaModel oldModel, SchemaModel newModel)
    {
        var related = new Dictionary<QualifiedName, HashSet<string>>();
        void Relate(QualifiedName table, string name)
        {
            if (!related.TryGetValue(table, out var names))
            {
                related[table] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.Add(name);
        }

        foreach (var dependency in oldModel.Dependencies.Concat(newModel.Dependencies))
        {
            if (TableOf(dependency.Dependent) is { } dependent)
            {
                Relate(dependent, dependency.Referenced.Name.Name);
            }

            if (TableOf(dependency.Referenced) is { } referenced)
            {
                Relate(referenced, dependency.Dependent.Name.Name);
            }
        }

        foreach (var ledger in ledgers)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in new[] { ledger.Mapping.Old?.Name, ledger.Mapping.New?.Name }.OfType<QualifiedName>())
            {
                names.Add(table.Name);
                names.UnionWith(related.GetValueOrDefault(table) ?? []);
                foreach (var copy in ledgers.Select(l => l.Mapping.CopiedFrom).OfType<Configuration.CopyHint>().Where(c => c.Source == table || c.Target == table))
                {
                    names.Add(copy.Source.Name);
                    names.Add(copy.Target.Name);
                }
            }

            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var touched))
                {
                    byName[name] = touched = [];
                }

                touched.Add(ledger);
            }
        }
    }

    /// <summary>The watched tables <paramref name="sql"/> may change.</summary>
    public IReadOnlySet<TableLedger> TouchedBy(string sql)
    {
        var touched = new HashSet<TableLedger>();
        foreach (var name in Names(sql))
        {
            if (byName.TryGetValue(name, out var ledgers))
            {
                touched.UnionWith(ledgers);
            }
        }

        return touched;
    }

    /// <summary>
    /// Whether <paramref name="sql"/> may create, rename or drop a type a session has to know by its OID (a type,
    /// domain, enum swap, extension, or a table's row type), anywhere in it (a DO block's text too).
    /// </summary>
    public static bool ChangesTypes(string sql) => TypeStatement().IsMatch(sql);

    /// <summary>Every identifier-like word of <paramref name="sql"/>, inside strings and bodies too: quoted ones unquoted, bare ones also folded.</summary>
    private static IEnumerable<string> Names(string sql)
    {
        foreach (Match match in Word().Matches(sql))
        {
            if (match.Groups["quoted"].Success)
            {
                yield return match.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
                continue;
            }

            yield return match.Value;
            yield return match.Value.ToLowerInvariant();
        }
    }

    /// <summary>The table a table, or a member of one (column, default, constraint, index, trigger, policy), belongs to.</summary>
    private static QualifiedName? TableOf(ObjectRef reference) =>
        reference.Kind is ObjectKind.Table or ObjectKind.Column or ObjectKind.Default or ObjectKind.Constraint or ObjectKind.Index or ObjectKind.Trigger or ObjectKind.Policy
            ? reference.Name
            : null;

    // Not a column's ALTER ... TYPE or a RENAME COLUMN: those make no type, and every reload is a catalog read per
    // session (the bench's plan reloaded 318 times when any TYPE or RENAME counted).
    [GeneratedRegex(@"\b(CREATE|ALTER|DROP)\s+(TYPE|DOMAIN|EXTENSION)\b|\bRENAME\s+TO\b|\b(CREATE|DROP)\s+(UNLOGGED\s+)?TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeStatement();

    [GeneratedRegex("\"(?<quoted>(?:[^\"]|\"\")*)\"|[\\p{L}_][\\p{L}\\p{N}_$]*")]
    private static partial Regex Word();
}
