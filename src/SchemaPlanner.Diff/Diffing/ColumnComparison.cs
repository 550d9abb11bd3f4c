using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>What differs between two versions of a column: type, collation, nullability, default, identity (and its sequence options), generation.</summary>
internal static class ColumnComparison
{
    public static ColumnChange Compare(Column old, Column column)
    {
        var changed = ColumnChange.None;
        if (old.Type != column.Type)
        {
            changed |= ColumnChange.Type;
        }

        if (old.Collation != column.Collation)
        {
            changed |= ColumnChange.Collation;
        }

        if (old.NotNull != column.NotNull)
        {
            changed |= ColumnChange.Nullability;
        }

        if (old.Default != column.Default)
        {
            changed |= ColumnChange.Default;
        }

        if (old.Identity != column.Identity)
        {
            changed |= ColumnChange.Identity;
        }

        if (old.Identity != IdentityKind.None && column.Identity != IdentityKind.None && old.IdentityOptions != column.IdentityOptions)
        {
            changed |= ColumnChange.IdentityOptions;
        }

        if (old.Generated != column.Generated)
        {
            changed |= ColumnChange.Generated;
        }

        return changed;
    }
}
