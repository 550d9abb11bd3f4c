using System.Globalization;

namespace SchemaPlanner.Rehearsal;

/// <summary>PostgreSQL duration settings (<c>2s</c>, <c>500ms</c>, <c>1min</c>, a bare number of ms) in milliseconds.</summary>
internal static class LockTimeouts
{
    public static double? Milliseconds(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var text = setting.Trim();
        var digits = text.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
        if (digits == 0 || !double.TryParse(text[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return text[digits..].Trim() switch
        {
            "" or "ms" => value,
            "s" => value * 1_000,
            "min" => value * 60_000,
            "h" => value * 3_600_000,
            _ => null,
        };
    }
}
