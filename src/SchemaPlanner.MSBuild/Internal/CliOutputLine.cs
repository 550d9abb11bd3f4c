using System.Globalization;
using System.Text.RegularExpressions;

namespace SchemaPlanner.MSBuild.Internal;

/// <summary>What one line the CLI printed means for the build log.</summary>
internal enum CliLineKind
{
    /// <summary>Anything else: logged as a message.</summary>
    Message,

    /// <summary><c>path(line,col): error|warning SPxxxx: message</c> (or origin <c>schemaplan</c>) on stdout.</summary>
    Diagnostic,

    /// <summary><c>schemaplan: error: …</c> or <c>schemaplan: internal error: …</c> on stderr.</summary>
    Failure,
}

/// <summary>
/// One parsed line of <c>schemaplan check --format msbuild</c> output. Parsing by content rather than by stream
/// keeps the mapping independent of how the two streams interleave.
/// </summary>
internal sealed partial record CliOutputLine(CliLineKind Kind, bool IsError, string? Code, string? File, int Line, int Column, string Message)
{
    public static CliOutputLine Parse(string text)
    {
        var diagnostic = DiagnosticPattern().Match(text);
        if (diagnostic.Success)
        {
            var origin = diagnostic.Groups["origin"].Value;
            return new CliOutputLine(
                CliLineKind.Diagnostic,
                diagnostic.Groups["level"].Value == "error",
                diagnostic.Groups["code"].Value,
                origin == "schemaplan" ? null : origin,
                Number(diagnostic.Groups["line"]),
                Number(diagnostic.Groups["column"]),
                diagnostic.Groups["message"].Value);
        }

        var failure = FailurePattern().Match(text);
        if (failure.Success)
        {
            // A DDL error names its file: "schemaplan: error: /db/01.sql(3,5): error: syntax error at …".
            var message = failure.Groups["message"].Value;
            var located = LocatedMessagePattern().Match(message);
            return located.Success
                ? new CliOutputLine(CliLineKind.Failure, true, TaskCodes.CliFailed, located.Groups["file"].Value, Number(located.Groups["line"]), Number(located.Groups["column"]), located.Groups["message"].Value)
                : new CliOutputLine(CliLineKind.Failure, true, TaskCodes.CliFailed, null, 0, 0, failure.Groups["internal"].Success ? "internal error: " + message : message);
        }

        return new CliOutputLine(CliLineKind.Message, false, null, null, 0, 0, text);
    }

    private static int Number(Group group) =>
        group.Success && int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    [GeneratedRegex(@"^(?<origin>.+?)(?:\((?<line>\d+),(?<column>\d+)\))?: (?<level>error|warning) (?<code>SP\d{4}): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticPattern();

    [GeneratedRegex(@"^schemaplan: (?:(?<internal>internal )?error): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FailurePattern();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): error: (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedMessagePattern();
}
