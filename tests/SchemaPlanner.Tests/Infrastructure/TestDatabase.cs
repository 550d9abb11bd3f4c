using System.Security.Cryptography;
using Npgsql;

namespace SchemaPlanner.Tests.Infrastructure;

/// <summary>
/// A database created for a single test on the shared <see cref="PostgresServer"/>; disposing drops it.
/// Deliberately independent of the product's ScratchDatabase so that tests of it stand on their own.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string NamePrefix = "schemaplan_test_";

    private readonly string serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Runs one or more statements (simple protocol, so several separated by ';' are fine).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>First column of the first row, or default when there is no row or it is NULL.</summary>
    public async Task<T?> QueryScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || await reader.IsDBNullAsync(0, cancellationToken))
        {
            return default;
        }

        return await reader.GetFieldValueAsync<T>(0, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<TestDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var database = new TestDatabase(serverConnectionString, NamePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\" TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return database;
    }
}
