using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

internal static class ColumnChangeText
{
    public static string Describe(Column old, Column @new, ColumnChange changed)
    {
        var parts = new List<string>();
        if (changed.HasFlag(ColumnChange.Type))
        {
            parts.Add("type " + old.Type + " -> " + @new.Type);
        }

        if (changed.HasFlag(ColumnChange.Collation))
        {
            parts.Add("collation " + (old.Collation ?? "default") + " -> " + (@new.Collation ?? "default"));
        }

        if (changed.HasFlag(ColumnChange.Nullability))
        {
            parts.Add(@new.NotNull ? "set not null" : "drop not null");
        }

        if (changed.HasFlag(ColumnChange.Default))
        {
            parts.Add(@new.Default is null ? "drop default" : "default " + (old.Default ?? "none") + " -> " + @new.Default);
        }

        if (changed.HasFlag(ColumnChange.Identity))
        {
            parts.Add("identity " + old.Identity + " -> " + @new.Identity);
        }

        if (changed.HasFlag(ColumnChange.IdentityOptions))
        {
            parts.Add("identity options " + Options(IdentityOptions.Of(old)) + " -> " + Options(IdentityOptions.Of(@new)));
        }

        if (changed.HasFlag(ColumnChange.Generated))
        {
            parts.Add("generated " + (old.Generated ?? "none") + " -> " + (@new.Generated ?? "none"));
        }

        return string.Join(", ", parts);
    }

    private static string Options(IdentityOptions o) =>
        $"(start {o.Start} increment {o.Increment} minvalue {o.MinValue} maxvalue {o.MaxValue} cache {o.Cache}{(o.Cycle ? " cycle" : "")})";
}
