namespace SchemaPlanner.Model;

public enum IdentityKind
{
    None,
    Always,
    ByDefault,
}
