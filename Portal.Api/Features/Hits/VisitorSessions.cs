using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Api.Data;
using Portal.Domain.Common;

namespace Portal.Api.Features.Hits;

/// <summary>When two page views of one visitor belong to one visit. Instants are UTC; days are Asia/Ho_Chi_Minh.</summary>
internal static class VisitRule
{
    /// <summary>
    /// True when page views at UTC instants <paramref name="a"/> and <paramref name="b"/> (in either order) are less than
    /// <paramref name="timeout"/> apart and fall on the same calendar day in Asia/Ho_Chi_Minh.
    /// </summary>
    public static bool SameVisit(DateTime a, DateTime b, TimeSpan timeout) =>
        (a - b).Duration() < timeout && DayOf(a) == DayOf(b);

    /// <summary>The calendar day in Asia/Ho_Chi_Minh that contains UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly DayOf(DateTime utc) => VietnamTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>
    /// The UTC instant before which a page view can no longer be in the same visit as one at <paramref name="nowUtc"/>
    /// or later: the later of one <paramref name="timeout"/> ago and the start of today in Asia/Ho_Chi_Minh.
    /// </summary>
    public static DateTime ExpiredBefore(DateTime nowUtc, TimeSpan timeout)
    {
        var startOfToday = VietnamTime.StartOfDayUtc(DayOf(nowUtc));
        var timedOut = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) - timeout;
        return timedOut > startOfToday ? timedOut : startOfToday;
    }
}

/// <summary>
/// This instance's latest page view per visitor id (UTC), a cache of what <c>VisitorSessions</c> knows: when it holds a
/// page view in the same visit window, the next page view is certainly not a new visit and nothing needs the database to
/// decide it. Bounded to <c>capacity</c> ids in two generations of at most half of it each: when the current generation
/// is full it becomes the older one and the previous older one is dropped. Forgetting a visitor is always safe: its next
/// page view is merely decided by the database at the next flush. Not thread-safe: <see cref="HitCounter"/> guards it.
/// </summary>
internal sealed class RecentVisitors(int capacity)
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private Dictionary<string, DateTime> _current = new(StringComparer.Ordinal);
    private Dictionary<string, DateTime> _older = new(StringComparer.Ordinal);

    /// <summary>How many visitor ids are held (never more than the capacity, or 2 for capacities below 2).</summary>
    public int Count => _current.Count + _older.Count;

    public bool TryGet(string visitor, out DateTime lastSeenUtc) =>
        _current.TryGetValue(visitor, out lastSeenUtc) || _older.TryGetValue(visitor, out lastSeenUtc);

    public void Set(string visitor, DateTime seenUtc)
    {
        if (!_current.ContainsKey(visitor) && _current.Count >= _generationSize)
        {
            _older = _current;
            _current = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        }

        _older.Remove(visitor);
        _current[visitor] = seenUtc;
    }

    /// <summary>Forgets visitors last seen before <paramref name="cutoffUtc"/>: their next page view needs the database anyway.</summary>
    public void RemoveSeenBefore(DateTime cutoffUtc)
    {
        foreach (var generation in new[] { _current, _older })
        {
            foreach (var idle in generation.Where(v => v.Value < cutoffUtc).Select(v => v.Key).ToList())
            {
                generation.Remove(idle);
            }
        }
    }
}

/// <summary>One visitor's page views in a flushed batch.</summary>
/// <param name="Hash">SHA-256 of the visitor id (<see cref="VisitorSessionStore.Hash"/>).</param>
/// <param name="LastSeen">The batch's latest page view of the visitor, UTC.</param>
/// <param name="Candidates">
/// The page views (UTC) that this instance could not tell apart from a new visit: no page view of the visitor in the same
/// window was in its cache. Each is a new visit unless the database knows a page view in the same window.
/// </param>
internal sealed record VisitorUpdate(byte[] Hash, DateTime LastSeen, IReadOnlyList<DateTime> Candidates);

/// <summary>
/// <c>VisitorSessions</c>: the latest page view of each visitor, shared by every instance. Called inside the counter's
/// flush transaction (<see cref="HitStore"/>), so the visits it decides are committed with the counts they add, or not
/// at all. Two instances flushing the same visitor at once are serialised on its row: on SQLite by the immediate
/// transaction (one writer at a time), on PostgreSQL by row locks taken in key order, so exactly one of them sees no
/// page view in the window and counts the visit.
/// </summary>
internal static class VisitorSessionStore
{
    /// <summary>
    /// How long a row is kept after its visit can no longer continue. A page view reaches the database up to one flush
    /// interval late (longer only while writes fail), and must still find the row it continues.
    /// </summary>
    public static readonly TimeSpan PruneGrace = TimeSpan.FromMinutes(5);

    /// <summary>The fewest expired rows a flush may delete; it deletes up to twice the visitors it wrote, to keep up.</summary>
    public const int MinPrunePerFlush = 1000;

    /// <summary>Rows per statement on SQLite, two parameters each (SQLite allows 32,766).</summary>
    private const int SqliteRowsPerStatement = 500;

    /// <summary>On PostgreSQL, how often rows pruned by another instance between the insert and the lock are retried.</summary>
    private const int MaxLockAttempts = 5;

    /// <summary>What is stored for a visitor id: its SHA-256 (the id itself is never stored).</summary>
    public static byte[] Hash(string visitorId) => SHA256.HashData(Encoding.UTF8.GetBytes(visitorId));

    /// <summary>
    /// Moves each visitor's row forward to its latest page view in the batch and counts the candidates that start a new
    /// visit: those with no row, or whose row's page view is not in the same visit (<see cref="VisitRule.SameVisit"/>).
    /// Returns the new visits per Vietnamese calendar day. Must run inside the flush transaction.
    /// </summary>
    public static async Task<Dictionary<DateOnly, long>> RecordAsync(
        PortalDbContext db, IReadOnlyList<VisitorUpdate> visitors, TimeSpan timeout, CancellationToken ct)
    {
        var visits = new Dictionary<DateOnly, long>();
        if (visitors.Count == 0)
        {
            return visits;
        }

        var previous = db.Database.IsNpgsql()
            ? await ExchangePostgresAsync(db, visitors, ct)
            : await ExchangeSqliteAsync(db, visitors, ct);
        foreach (var visitor in visitors)
        {
            var last = previous[Key(visitor.Hash)];
            foreach (var candidate in visitor.Candidates)
            {
                if (last is not { } seen || !VisitRule.SameVisit(seen, candidate, timeout))
                {
                    var day = VisitRule.DayOf(candidate);
                    visits[day] = visits.GetValueOrDefault(day) + 1;
                }
            }
        }

        return visits;
    }

    /// <summary>Deletes at most <paramref name="limit"/> rows last seen before <paramref name="beforeUtc"/>, oldest first.</summary>
    public static async Task<int> PruneAsync(PortalDbContext db, DateTime beforeUtc, int limit, CancellationToken ct) =>
        db.Database.IsNpgsql()
            // Rows another flusher holds are skipped, never waited for; locking the rest keeps them from changing before they go.
            ? await db.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM "VisitorSessions" WHERE "LastSeen" < {beforeUtc} AND "VisitorHash" IN (
                    SELECT "VisitorHash" FROM "VisitorSessions" WHERE "LastSeen" < {beforeUtc}
                    ORDER BY "LastSeen" LIMIT {limit} FOR UPDATE SKIP LOCKED)
                """, ct)
            : await db.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM "VisitorSessions" WHERE "VisitorHash" IN (
                    SELECT "VisitorHash" FROM "VisitorSessions" WHERE "LastSeen" < {beforeUtc} ORDER BY "LastSeen" LIMIT {limit})
                """, ct);

    /// <summary>
    /// PostgreSQL: stores the batch's latest page views and returns the page view each row held before (null: no row).
    /// Every row of the batch is locked until the flush commits, so a concurrent flusher of the same visitor waits and then
    /// sees this batch's page view.
    /// </summary>
    private static async Task<Dictionary<string, DateTime?>> ExchangePostgresAsync(
        PortalDbContext db, IReadOnlyList<VisitorUpdate> visitors, CancellationToken ct)
    {
        var previous = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        var locked = new List<VisitorUpdate>();
        var pending = visitors;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > MaxLockAttempts)
            {
                throw new InvalidOperationException("Visitor sessions kept disappearing while being locked; the batch is retried at the next flush.");
            }

            // 1. Visitors without a row get one holding this batch's page view. A row another flusher has inserted but not
            //    committed makes this statement wait for it; rows go in key order, so two flushers cannot deadlock.
            await using (var insert = Command(db, """
                INSERT INTO "VisitorSessions" ("VisitorHash", "LastSeen")
                SELECT h, t FROM unnest(@h, @t) AS i(h, t) ORDER BY h
                ON CONFLICT ("VisitorHash") DO NOTHING
                RETURNING "VisitorHash"
                """))
            {
                AddArrays(insert, pending, withLastSeen: true);
                await using var reader = await insert.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    previous[Key((byte[])reader[0])] = null;
                }
            }

            var existing = pending.Where(v => !previous.ContainsKey(Key(v.Hash))).ToList();
            if (existing.Count == 0)
            {
                break;
            }

            // 2. Lock the rows that existed, in key order, and read their latest committed page view.
            await using (var select = Command(db, """
                SELECT "VisitorHash", "LastSeen" FROM "VisitorSessions" WHERE "VisitorHash" = ANY(@h)
                ORDER BY "VisitorHash" FOR UPDATE
                """))
            {
                AddArrays(select, existing, withLastSeen: false);
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    previous[Key((byte[])reader[0])] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
                }
            }

            locked.AddRange(existing.Where(v => previous.ContainsKey(Key(v.Hash))));
            // A row another instance pruned between the two statements was expired: insert it afresh on the next turn.
            pending = existing.Where(v => !previous.ContainsKey(Key(v.Hash))).ToList();
        }

        if (locked.Count > 0)
        {
            // 3. Move the locked rows forward, never back: another instance may already have written a later page view.
            await using var update = Command(db, """
                UPDATE "VisitorSessions" AS s SET "LastSeen" = i.t
                FROM unnest(@h, @t) AS i(h, t)
                WHERE s."VisitorHash" = i.h AND s."LastSeen" < i.t
                """);
            AddArrays(update, locked, withLastSeen: true);
            await update.ExecuteNonQueryAsync(ct);
        }

        return previous;
    }

    /// <summary>
    /// SQLite: the same exchange. The flush transaction is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so
    /// no other writer — in this process or another on the same file — runs between the read and the write.
    /// </summary>
    private static async Task<Dictionary<string, DateTime?>> ExchangeSqliteAsync(
        PortalDbContext db, IReadOnlyList<VisitorUpdate> visitors, CancellationToken ct)
    {
        var previous = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var chunk in visitors.Chunk(SqliteRowsPerStatement))
        {
            foreach (var visitor in chunk)
            {
                previous[Key(visitor.Hash)] = null;
            }

            // Only candidates need the page view their row holds; the others only move their row forward.
            var asking = chunk.Where(v => v.Candidates.Count > 0).ToArray();
            if (asking.Length > 0)
            {
                await using var select = Command(db, $"""
                    SELECT "VisitorHash", "LastSeen" FROM "VisitorSessions"
                    WHERE "VisitorHash" IN ({string.Join(", ", asking.Select((_, i) => $"@h{i}"))})
                    """);
                AddRows(select, asking, withLastSeen: false);
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    previous[Key((byte[])reader[0])] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
                }
            }

            // Instants are TEXT in one fixed format (yyyy-MM-dd HH:mm:ss.FFFFFFF), so max() keeps the later one.
            await using var upsert = Command(db, $"""
                INSERT INTO "VisitorSessions" ("VisitorHash", "LastSeen")
                VALUES {string.Join(", ", chunk.Select((_, i) => $"(@h{i}, @t{i})"))}
                ON CONFLICT ("VisitorHash") DO UPDATE SET "LastSeen" = max("LastSeen", excluded."LastSeen")
                """);
            AddRows(upsert, chunk, withLastSeen: true);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        return previous;
    }

    private static string Key(byte[] hash) => Convert.ToHexString(hash);

    private static DbCommand Command(PortalDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Visitor sessions are only written inside the flush transaction.");
        return command;
    }

    private static void AddArrays(DbCommand command, IReadOnlyList<VisitorUpdate> rows, bool withLastSeen)
    {
        command.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = rows.Select(r => r.Hash).ToArray() });
        if (withLastSeen)
        {
            command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.LastSeen).ToArray() });
        }
    }

    private static void AddRows(DbCommand command, VisitorUpdate[] rows, bool withLastSeen)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            Add(command, $"@h{i}", rows[i].Hash);
            if (withLastSeen)
            {
                Add(command, $"@t{i}", rows[i].LastSeen);
            }
        }

        static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
