using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Templates;

/// <summary>
/// A non-transactional step file cut into its statements for runners that send one command per call (and would
/// otherwise run a file's statements in one implicit transaction, which CONCURRENTLY and per-batch COMMITs
/// refuse). The first part keeps the file's leading comments, so every file says what it serves.
/// </summary>
internal static class StepStatements
{
    public static List<string> Split(string file, string text)
    {
        var statements = SqlScript.Split(file, text);
        var header = statements.Count == 0 ? text : text[..statements[0].Offset];
        return statements.Select((s, i) => (i == 0 ? header : "") + s.Text + ";\n").ToList();
    }
}
