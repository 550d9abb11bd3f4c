using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Accepts a connection string as users write it (Npgsql keyword form or a libpq-style
/// <c>postgres://</c> URL) and turns it into the Npgsql keyword form.
/// </summary>
public static partial class ConnectionStrings
{
    private const string Expected = "expected 'Host=...;Username=...;Database=...' or 'postgres://user:password@host:port/database'";

    /// <summary>libpq URL query parameters and the Npgsql keywords they become.</summary>
    private static readonly Dictionary<string, string> LibpqParameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["client_encoding"] = "Client Encoding",
    };

    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <summary>
    /// Returns the Npgsql keyword form of <paramref name="input"/>, which may be a keyword string or a
    /// <c>postgres://</c> / <c>postgresql://</c> URL (percent-encoded user, password, host list, port,
    /// database, and query parameters such as <c>sslmode=require</c>).
    /// </summary>
    /// <exception cref="SchemaPlannerException">
    /// With <see cref="ErrorKind.InvalidInput"/> when malformed; the message never contains the password.
    /// </exception>
    public static string Normalize(string input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw Invalid("the connection string is empty");
        }

        var trimmed = input.Trim();
        return IsUrl(trimmed) ? FromUrl(trimmed) : FromKeywords(trimmed);
    }

    private static bool IsUrl(string input) =>
        input.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || input.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static string FromKeywords(string input)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(input).ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's messages name keywords, not values, but scrub the password in case that ever changes.
            var message = ex.Message;
            foreach (Match match in PasswordInKeywordForm().Matches(input))
            {
                var password = match.Groups["value"].Value.Trim().Trim('"', '\'');
                if (password.Length > 0)
                {
                    message = message.Replace(password, "***", StringComparison.Ordinal);
                }
            }

            throw Invalid($"{message.TrimEnd('.')}; {Expected}");
        }
    }

    /// <remarks>
    /// Follows libpq: the authority ends at the first '/' or '?', and the user information at the last '@'
    /// within it, so '/', '?' and '#' in a password must be percent-encoded.
    /// </remarks>
    private static string FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];

        var authorityEnd = rest.IndexOfAny(['/', '?']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var afterAuthority = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        if (afterAuthority.Contains('@', StringComparison.Ordinal) && !authority.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid("the connection URL has an '@' after the host part; percent-encode '/', '?', '#' and '@' in the user name and password");
        }

        var queryStart = afterAuthority.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? afterAuthority : afterAuthority[..queryStart];
        var query = queryStart < 0 ? string.Empty : afterAuthority[(queryStart + 1)..];

        var builder = new NpgsqlConnectionStringBuilder();

        var at = authority.LastIndexOf('@');
        var hostList = authority;
        if (at >= 0)
        {
            var userInfo = authority[..at];
            hostList = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..]);
            }
        }

        SetHosts(builder, hostList);

        var database = Decode(path.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            if (equals < 0)
            {
                throw Invalid($"the connection URL parameter '{name}' has no value");
            }

            SetParameter(builder, name, Decode(pair[(equals + 1)..]));
        }

        return builder.ConnectionString;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hostList)
    {
        if (hostList.Length == 0)
        {
            return;
        }

        var hosts = new List<(string Host, int? Port)>();
        foreach (var entry in hostList.Split(','))
        {
            hosts.Add(ParseHost(entry));
        }

        if (hosts.Count == 1)
        {
            if (hosts[0].Host.Length > 0)
            {
                builder.Host = hosts[0].Host;
            }

            if (hosts[0].Port is { } port)
            {
                builder.Port = port;
            }

            return;
        }

        // Npgsql takes several hosts as "host:port,host:port" in Host.
        builder.Host = string.Join(
            ",",
            hosts.Select(entry =>
            {
                if (entry.Host.Length == 0)
                {
                    throw Invalid("the connection URL has an empty host in its host list");
                }

                var host = entry.Host.Contains(':', StringComparison.Ordinal) ? $"[{entry.Host}]" : entry.Host;
                return entry.Port is { } port ? $"{host}:{port.ToString(CultureInfo.InvariantCulture)}" : host;
            }));
    }

    private static (string Host, int? Port) ParseHost(string entry)
    {
        string host;
        string? port = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid("the connection URL has an IPv6 host without its closing ']'");
            }

            host = entry[1..close];
            var after = entry[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    throw Invalid("the connection URL has unexpected text after an IPv6 host");
                }

                port = after[1..];
            }
        }
        else
        {
            var colon = entry.LastIndexOf(':');
            host = colon < 0 ? entry : entry[..colon];
            port = colon < 0 ? null : entry[(colon + 1)..];
        }

        return (Decode(host), port is null || port.Length == 0 ? null : ParsePort(port));
    }

    private static int ParsePort(string text)
    {
        // The text is not echoed: with an unencoded '/' in the password it may be part of the password.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid("the port in the connection URL is not a number between 1 and 65535 (percent-encode special characters in the user name and password)");
        }

        return port;
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
                builder.SslMode = SslModes.TryGetValue(value, out var sslMode)
                    ? sslMode
                    : throw Invalid($"the connection URL has sslmode={value}; expected one of {string.Join(", ", SslModes.Keys)}");
                return;
            case "port":
                builder.Port = ParsePort(value);
                return;
            case "password":
                builder.Password = value;
                return;
            case "sslpassword":
                builder.SslPassword = value;
                return;
        }

        // Anything else is either a known libpq name or, as a convenience, an Npgsql keyword.
        var keyword = LibpqParameters.GetValueOrDefault(name, name);
        try
        {
            builder[keyword] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw Invalid($"the connection URL parameter '{name}' is not supported or has an invalid value");
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw Invalid("the connection URL has an invalid percent-encoding");
        }
    }

    private static SchemaPlannerException Invalid(string message) =>
        new(ErrorKind.InvalidInput, "invalid connection string: " + message);

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<value>""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordInKeywordForm();
}
