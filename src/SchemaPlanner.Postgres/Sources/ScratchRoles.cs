using Npgsql;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// Roles belong to a whole server, so desired DDL that grants to a role, gives it an object or names it in a
/// policy fails on a throwaway cluster that lacks it, even when production has it. Before SQL runs there, every
/// name the statements spell (an identifier token: no grammar is guessed) that is a role on the live server and
/// not yet on the cluster is created as <c>CREATE ROLE name NOLOGIN</c>: no password, no other attribute (a GRANT,
/// an owner or a policy needs nothing more). Roles PostgreSQL reserves (<c>pg_*</c>) are never created.
/// </summary>
internal sealed class ScratchRoles(string liveConnectionString)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<string> present = new(StringComparer.Ordinal);

    /// <summary>The names an identifier token of <paramref name="statements"/> spells, as PostgreSQL folds them.</summary>
    public static IReadOnlySet<string> NamesIn(IEnumerable<SqlStatement> statements) =>
        statements.SelectMany(s => s.SignificantTokens).Select(t => t.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The names an identifier token of generated statements spells.</summary>
    public static IReadOnlySet<string> NamesIn(IEnumerable<string> statements) =>
        statements.SelectMany(SqlLexer.Tokenize).Select(t => t.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Creates on the cluster behind <paramref name="clusterConnectionString"/> the live roles among
    /// <paramref name="names"/> that it lacks; returns the ones it created.
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateMissingAsync(string clusterConnectionString, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Where(n => !n.StartsWith("pg_", StringComparison.Ordinal)).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var unknown = wanted.Where(n => !present.Contains(n)).ToArray();
            if (unknown.Length == 0)
            {
                return [];
            }

            var live = await ExistingAsync(liveConnectionString, unknown, cancellationToken).ConfigureAwait(false);
            var created = new List<string>();
            await using var cluster = new NpgsqlConnection(clusterConnectionString);
            await cluster.OpenAsync(cancellationToken).ConfigureAwait(false);
            var there = await ExistingAsync(cluster, live, cancellationToken).ConfigureAwait(false);
            foreach (var role in live.Where(r => !there.Contains(r)))
            {
                await SingleStatement.ExecuteAsync(cluster, EmbeddedSql.Fill("Sources.create_role", ("role", "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")), cancellationToken).ConfigureAwait(false);
                created.Add(role);
            }

            present.UnionWith(live);
            return created;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string[]> ExistingAsync(string connectionString, string[] names, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await ExistingAsync(connection, names, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, connectionString);
        }
    }

    private static async Task<string[]> ExistingAsync(NpgsqlConnection connection, string[] names, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EmbeddedSql.Load("Sources.existing_roles"), connection)
        {
            Parameters = { new NpgsqlParameter { Value = names } },
        };
        var roles = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            roles.Add(reader.GetString(0));
        }

        return [.. roles];
    }
}
