using Npgsql;

namespace Portal.Api.Infrastructure.Caching;

/// <summary>
/// A number that changes after every committed content write, so that a cached response can be checked against the
/// data behind it. Responses are cached under the version read <em>before</em> they are rendered; a write raises the
/// version only once it has committed, so a response stored under a version never shows data older than that version.
/// The visit counter's flush is not a content write (<see cref="CountersOnly"/>): it never raises the version, so page
/// views never empty the reader cache; view counts in cached responses have their own freshness bound instead
/// (<see cref="CacheOptions.ViewCountMaxAgeSeconds"/>).
/// </summary>
public abstract class ContentVersion
{
    private static readonly AsyncLocal<bool> CountersOnlyFlow = new();
    private long _local;

    /// <summary>True inside <see cref="CountersOnly"/>: the writes of this flow change only counters.</summary>
    internal static bool WritingCountersOnly => CountersOnlyFlow.Value;

    /// <summary>
    /// Marks the writes of the current async flow, until disposed, as counter writes (view counts, daily totals, visitor
    /// rows) that no cached content depends on: their commits do not raise the version. Only the counter's flush uses it.
    /// </summary>
    internal static Scope CountersOnly()
    {
        CountersOnlyFlow.Value = true;
        return default;
    }

    /// <summary>The version writes made through this instance have raised; raised after each commit.</summary>
    protected long Local => Volatile.Read(ref _local);

    /// <summary>The current version; for the shared database engine, read from the database on every call.</summary>
    public abstract ValueTask<long> CurrentAsync(CancellationToken ct);

    /// <summary>True while start-up applies migrations: the shared version's table may not exist yet, and no cache serves.</summary>
    public bool Migrating { get; set; }

    /// <summary>Called after this instance committed a write.</summary>
    public void Committed() => Interlocked.Increment(ref _local);

    /// <summary>Ends <see cref="CountersOnly"/>.</summary>
    internal readonly struct Scope : IDisposable
    {
        public void Dispose() => CountersOnlyFlow.Value = false;
    }
}

/// <summary>
/// SQLite: one Portal process owns the database file (README, "Running several instances" needs PostgreSQL), and
/// every write it makes passes <see cref="ContentVersionInterceptor"/>, so an in-memory counter is the whole truth.
/// </summary>
internal sealed class LocalContentVersion : ContentVersion
{
    public override ValueTask<long> CurrentAsync(CancellationToken ct) => ValueTask.FromResult(Local);
}

/// <summary>
/// PostgreSQL: any number of instances write to one database, so the version is a row every transaction raises
/// before it commits (<see cref="ContentVersionInterceptor"/>) and each cached read checks — one indexed primary-key
/// read per request, no cross-instance messaging, and an edit through one instance is seen by the next read through
/// any other.
/// </summary>
internal sealed class DatabaseContentVersion(NpgsqlDataSource dataSource) : ContentVersion, IAsyncDisposable
{
    /// <summary>The table and its single row (created by the PostgreSQL migrations).</summary>
    public const string Table = "ContentVersions";

    /// <summary>Raises the version; runs inside the writing transaction, or right after an autocommitted write.</summary>
    public const string RaiseSql = $"""UPDATE "{Table}" SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    private const string ReadSql = $"""SELECT "Value" FROM "{Table}" WHERE "Id" = 1""";

    public override async ValueTask<long> CurrentAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        return (long)(await command.ExecuteScalarAsync(ct) ?? 0L);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
