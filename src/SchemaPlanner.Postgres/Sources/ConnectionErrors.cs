using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Sources;

/// <summary>
/// Turns Npgsql connection failures into <see cref="SchemaPlannerException"/>s with a one-line message
/// that says where the connection went and what to check, and never contains the password.
/// </summary>
public static class ConnectionErrors
{
    /// <summary>SQLSTATE invalid_password.</summary>
    public const string InvalidPassword = "28P01";

    /// <summary>SQLSTATE invalid_authorization_specification (unknown role, NOLOGIN role, no pg_hba.conf entry).</summary>
    public const string InvalidAuthorization = "28000";

    /// <summary>
    /// Whether <paramref name="exception"/> is a failure to reach or log in to the server, as opposed to an
    /// error in a statement. Use it as an exception filter before <see cref="Translate"/>.
    /// </summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PostgresException postgres => IsConnectionSqlState(postgres.SqlState),
            NpgsqlException => true,
            SocketException or TimeoutException => true,
            _ => false,
        };
    }

    /// <summary>
    /// Maps a connection failure to <see cref="ErrorKind.Connection"/> (unreachable host or port, timeouts,
    /// unknown database) or <see cref="ErrorKind.Authentication"/> (SQLSTATE 28P01 and 28000), keeping the
    /// SQLSTATE and the original exception. A <see cref="SchemaPlannerException"/> is returned unchanged.
    /// </summary>
    public static SchemaPlannerException Translate(Exception exception, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is SchemaPlannerException alreadyTranslated)
        {
            return alreadyTranslated;
        }

        var target = Target.Parse(connectionString);
        var postgres = FindInner<PostgresException>(exception);
        if (postgres is not null && postgres.SqlState is InvalidPassword or InvalidAuthorization)
        {
            return new SchemaPlannerException(
                ErrorKind.Authentication,
                target.Scrub($"login failed for user {target.User} on {target.Endpoint} ({postgres.MessageText}); check the user name and password"),
                exception,
                postgres.SqlState);
        }

        if (postgres is null && exception is NpgsqlException && exception.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            // Npgsql itself reports "No password has been provided but the backend requires one".
            return new SchemaPlannerException(
                ErrorKind.Authentication,
                target.Scrub($"login failed for user {target.User} on {target.Endpoint} ({exception.Message.TrimEnd('.')}); check the user name and password"),
                exception);
        }

        if (exception is ArgumentException)
        {
            return new SchemaPlannerException(
                ErrorKind.InvalidInput,
                target.Scrub($"invalid connection string: {exception.Message}"),
                exception);
        }

        return new SchemaPlannerException(
            ErrorKind.Connection,
            target.Scrub($"cannot connect to {target.Endpoint}/{target.Database}: {Reason(exception, postgres, target)}; check the connection string"),
            exception,
            postgres?.SqlState);
    }

    /// <summary>Where a connection string points, for messages: <c>host:port/database user=name</c>, never the password.</summary>
    public static string Describe(string connectionString) => Target.Parse(connectionString).ToString();

    private static bool IsConnectionSqlState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection_exception
        || sqlState.StartsWith("28", StringComparison.Ordinal) // invalid_authorization_specification
        || sqlState is "3D000" // invalid_catalog_name: the database does not exist
            or "53300" // too_many_connections
            or "57P03"; // cannot_connect_now: starting up or shutting down

    private static string Reason(Exception exception, PostgresException? postgres, Target target)
    {
        if (postgres is not null)
        {
            return postgres.MessageText;
        }

        if (FindInner<TimeoutException>(exception) is not null)
        {
            return target.TimeoutSeconds is { } seconds
                ? $"timed out after {seconds.ToString(CultureInfo.InvariantCulture)} s"
                : "timed out";
        }

        if (FindInner<SocketException>(exception) is { } socket)
        {
            return socket.Message;
        }

        // Npgsql's outer message ("Exception while connecting") says less than the innermost one.
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost == exception ? exception.Message : $"{exception.Message.TrimEnd('.')}: {innermost.Message}";
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private sealed record Target(string Host, int Port, string Database, string User, string? Password, int? TimeoutSeconds)
    {
        public string Endpoint
        {
            get
            {
                // Several hosts already carry their ports; IPv6 addresses need brackets before one.
                if (Host.Contains(',', StringComparison.Ordinal))
                {
                    return Host;
                }

                var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
                return $"{host}:{Port.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        public static Target Parse(string connectionString)
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.Normalize(connectionString));
            }
            catch (Exception ex) when (ex is SchemaPlannerException or ArgumentException)
            {
                return new Target("(unparsable connection string)", 0, "?", "?", null, null);
            }

            // Npgsql's own defaults: the OS user name, and a database named like the user.
            var user = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
            return new Target(
                string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host,
                builder.Port,
                string.IsNullOrEmpty(builder.Database) ? user : builder.Database,
                user,
                string.IsNullOrEmpty(builder.Password) ? null : builder.Password,
                builder.Timeout);
        }

        /// <summary>Belt and braces: no message leaves here with the password in it.</summary>
        public string Scrub(string message) =>
            Password is null ? message : message.Replace(Password, "***", StringComparison.Ordinal);

        public override string ToString() => $"{Endpoint}/{Database} user={User}";
    }
}
