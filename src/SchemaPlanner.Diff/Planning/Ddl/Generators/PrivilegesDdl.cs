using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Privileges on an object: revokes, then grants; the reverse swaps old and new.</summary>
internal sealed class PrivilegesDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<ChangePrivileges>(Apply, c => ChangeReverse.By(new ChangePrivileges(c.ObjectType, c.Name, c.New, c.Old)),
            rank: _ => 400,
            locate: (c, at) => TryRelation(c.Name, at)),
    ];

    /// <summary>Privileges on a table, view or sequence point at its definition; others (a schema, a function) at no line.</summary>
    private static SourceLocation? TryRelation(string name, DdlLocations at)
    {
        try
        {
            return at.Relation(Configuration.ObjectPath.ParseTable(name, "privileges"));
        }
        catch (Errors.SchemaPlannerException)
        {
            return null;
        }
    }

    /// <summary>
    /// Entries are <c>role:PRIVILEGE</c> (<c>*</c>: with grant option); the role is already in SQL form
    /// (<c>regrole</c> output, or <c>PUBLIC</c>). Revokes first, then grants.
    /// </summary>
    private static void Apply(ChangePrivileges c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        foreach (var entry in old.Where(e => !@new.Contains(e)))
        {
            var (role, privilege, grantable) = Parse(entry);
            var keepsPlain = grantable && @new.Contains(role + ":" + privilege);
            ddl.Emit(new PrivilegeSql.Revoke(privilege, c.ObjectType, c.Name, role, GrantOptionOnly: keepsPlain));
        }

        foreach (var entry in @new.Where(e => !old.Contains(e)))
        {
            var (role, privilege, grantable) = Parse(entry);
            if (!grantable && old.Contains(entry + "*"))
            {
                continue; // only the grant option went, revoked above
            }

            ddl.Emit(new PrivilegeSql.Grant(privilege, c.ObjectType, c.Name, role, WithGrantOption: grantable));
        }
    }

    private static (string Role, string Privilege, bool Grantable) Parse(string entry)
    {
        var grantable = entry.EndsWith('*');
        var text = grantable ? entry[..^1] : entry;
        var at = text.LastIndexOf(':');
        if (at <= 0)
        {
            throw new FormatException("privilege entry '" + entry + "' is not role:PRIVILEGE");
        }

        return (text[..at], text[(at + 1)..], grantable);
    }
}
