namespace SchemaPlanner.Model;

/// <summary>
/// A <c>COMMENT ON</c>. <paramref name="Target"/> is the object as the COMMENT statement names it, e.g.
/// <c>TABLE public.users</c> or <c>COLUMN public.users.email</c>; it is also the identity of the comment.
/// </summary>
public sealed record Comment(string Target, string Text);
