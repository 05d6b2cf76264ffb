using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Which engine the suite runs on. <c>make test</c> uses SQLite files; <c>make test-postgres</c> sets
/// PORTAL_TEST_POSTGRES to an admin connection string and every test Portal gets a database of its own there.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    /// <summary>The admin connection string, or null when the suite runs on SQLite.</summary>
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresAdmin is not null;

    public static string SkipReasonWithoutPostgres => $"needs PostgreSQL: run `make test-postgres` (sets {PostgresVariable})";

    /// <summary>Creates database <paramref name="name"/> if missing and returns a connection string for it.</summary>
    public static string EnsurePostgresDatabase(string name)
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException(SkipReasonWithoutPostgres);
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresAdmin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
