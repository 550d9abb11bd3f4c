using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>Grants to roles other than the owner changed. Entries are <c>role:PRIVILEGE</c> (<c>*</c> = with grant option).</summary>
public sealed record ChangePrivileges(string ObjectType, string Name, EquatableArray<string> Old, EquatableArray<string> New) : Change
{
    public override string Kind => "change_privileges";

    public override string Object => Name;

    public override string Describe() => "change privileges on " + ObjectType.ToLowerInvariant() + " " + Name + ": grant [" + string.Join(", ", New.Except(Old)) + "] revoke [" + string.Join(", ", Old.Except(New)) + "]";
}
