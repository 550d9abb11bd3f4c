namespace SchemaPlanner.Planning.Statements;

/// <summary>
/// Writes statements through their templates (the built-in ones, or a user's <c>--templates</c> overrides). The
/// planner holds one (<see cref="PlanningContext.Render"/>); <c>SchemaPlanner.Templates</c> implements it, so this
/// project stays free of the template engine.
/// </summary>
public interface ISqlRenderer
{
    /// <summary>The statement's text: one statement, no trailing semicolon, possibly several lines (LF).</summary>
    string Render(ISqlStatement statement);
}
