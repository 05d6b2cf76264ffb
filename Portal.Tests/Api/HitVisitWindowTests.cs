using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Domain.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// The visit window lives in the database (VisitorSessions), not in one instance's memory: two instances on one
/// database, or one instance after a restart, decide visits alike. Runs on SQLite and, under make test-postgres, on
/// PostgreSQL. The instances flush only when a test says so.
/// </summary>
public sealed class HitVisitWindowTests : IDisposable
{
    private const string NoFlush = "3600000";

    private readonly PortalApp _a;
    private readonly PortalApp _b;

    public HitVisitWindowTests()
    {
        var shared = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        _a = new PortalApp(shared) { KeepDatabase = true }.Setting("Hits:FlushIntervalMs", NoFlush);
        _ = _a.Client();
        _b = new PortalApp(shared, _a.Clock).Setting("Hits:FlushIntervalMs", NoFlush);
        _ = _b.Client();
    }

    private static async Task PostAsync(PortalApp app, string visitor)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", visitor);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
    }

    private static Task FlushAsync(PortalApp app) => app.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);

    private static async Task<System.Text.Json.Nodes.JsonNode> CounterAsync(PortalApp app) =>
        await (await app.Client().GetAsync("/api/v1/hits")).Json();

    private static async Task AssertVisitsAsync(long today, long total, params PortalApp[] apps)
    {
        foreach (var app in apps)
        {
            var counter = await CounterAsync(app);
            Assert.Equal(today, counter["today"]!.GetValue<long>());
            Assert.Equal(total, counter["total"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Back_after_29_minutes_through_the_other_instance_is_the_same_visit_and_after_30_a_new_one()
    {
        await PostAsync(_a, "window-visitor-1");
        await FlushAsync(_a);
        await AssertVisitsAsync(1, 1, _a, _b);

        _a.Clock.Advance(TimeSpan.FromMinutes(29));
        await PostAsync(_b, "window-visitor-1");
        await FlushAsync(_b);
        await AssertVisitsAsync(1, 1, _a, _b);

        // 30 minutes after the page view through B; A last saw the visitor 59 minutes ago.
        _a.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostAsync(_a, "window-visitor-1");
        await FlushAsync(_a);
        await AssertVisitsAsync(2, 2, _a, _b);
        Assert.Equal(3, (await CounterAsync(_b))["pageViewsToday"]!.GetValue<long>());
    }

    [Fact]
    public async Task Across_the_Vietnamese_midnight_the_same_visitor_is_a_new_visit_through_the_other_instance()
    {
        _a.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 50, 0, TimeSpan.Zero));
        await PostAsync(_a, "midnight-visitor");
        await FlushAsync(_a);

        // 15 minutes later, but 00:05 on 30/11 in Vietnam.
        _a.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 17, 5, 0, TimeSpan.Zero));
        await PostAsync(_b, "midnight-visitor");
        await FlushAsync(_b);

        await AssertVisitsAsync(1, 2, _a, _b);
        var daily = (await (await _a.Client().GetAsync("/api/v1/hits/daily?from=2026-11-29&to=2026-11-30")).Json()).AsArray();
        Assert.Equal([1L, 1L], daily.Select(d => d!["visits"]!.GetValue<long>()));
    }

    [Fact]
    public async Task One_visitor_posting_to_both_instances_before_either_flushes_is_one_visit()
    {
        await PostAsync(_a, "both-visitor");
        await PostAsync(_b, "both-visitor");
        await PostAsync(_a, "both-visitor");
        await Task.WhenAll(FlushAsync(_a), FlushAsync(_b));

        await AssertVisitsAsync(1, 1, _a, _b);
        Assert.Equal(3, (await CounterAsync(_a))["pageViewsTotal"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pending_candidate_counts_as_a_visit_until_the_flush_finds_the_visit_it_continues()
    {
        await PostAsync(_a, "candidate-visitor");
        await FlushAsync(_a);
        _a.Clock.Advance(TimeSpan.FromMinutes(5));
        await PostAsync(_b, "candidate-visitor");

        // B has not seen this visitor: until its flush, the page view is counted as a visit (README, "Visits").
        await AssertVisitsAsync(2, 2, _b);
        await FlushAsync(_b);
        await AssertVisitsAsync(1, 1, _a, _b);
    }

    [Fact]
    public async Task The_visitor_id_is_stored_nowhere_in_the_database_only_its_SHA_256()
    {
        const string visitor = "raw-visitor-id-that-must-not-be-stored-7f3a";
        await PostAsync(_a, visitor);
        await FlushAsync(_a);

        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var row = Assert.Single(await db.VisitorSessions.AsNoTracking().ToListAsync());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(visitor)), row.VisitorHash);
        Assert.Equal(_a.Clock.GetUtcNow().UtcDateTime, row.LastSeen);
        Assert.Equal(DateTimeKind.Utc, row.LastSeen.Kind);

        if (TestDatabase.IsPostgres)
        {
            var rows = await db.Database.SqlQueryRaw<string>("""SELECT s::text AS "Value" FROM "VisitorSessions" s""").ToListAsync();
            Assert.DoesNotContain(rows, r => r.Contains(visitor, StringComparison.Ordinal));
        }
        else
        {
            // Every byte of the database file and its write-ahead log: the id is in no table, index or free page.
            foreach (var file in new[] { _a.DatabasePath, _a.DatabasePath + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                var bytes = copy.ToArray();
                Assert.True(bytes.Length > 0, file);
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(visitor)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(visitor)));
            }
        }
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.KeepDatabase = false;
        _a.Dispose();
    }
}

/// <summary>The window survives a restart, expired visitor rows are pruned a bounded number at a time, and memory is capped.</summary>
public sealed class HitVisitorSessionTests
{
    private static async Task PostAsync(PortalApp app, string visitor)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", visitor);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
    }

    private static Task FlushAsync(PortalApp app) => app.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);

    private static async Task<List<VisitorSession>> SessionsAsync(PortalApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.VisitorSessions.AsNoTracking().ToListAsync();
    }

    private static byte[] Hash(string visitor) => SHA256.HashData(Encoding.UTF8.GetBytes(visitor));

    [Fact]
    public async Task A_visitor_back_10_minutes_after_a_restart_is_the_same_visit()
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(PortalApp.DefaultNow);
        using (var first = new PortalApp(path, clock) { KeepDatabase = true })
        {
            await PostAsync(first, "restart-visitor");
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        using var second = new PortalApp(path, clock);
        await PostAsync(second, "restart-visitor");
        await FlushAsync(second);
        var counter = await (await second.Client().GetAsync("/api/v1/hits")).Json();
        Assert.Equal(1, counter["today"]!.GetValue<long>());
        Assert.Equal(2, counter["pageViewsToday"]!.GetValue<long>());
    }

    [Fact]
    public async Task Rows_are_pruned_once_timed_out_or_from_a_previous_day_after_five_minutes_grace()
    {
        // A ten-hour window: only the day rule can expire the evening rows at midnight.
        using var app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000").Setting("Hits:VisitTimeoutMinutes", "600");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero));
        await PostAsync(app, "evening-visitor");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 58, 0, TimeSpan.Zero));
        await PostAsync(app, "late-visitor");
        await FlushAsync(app);
        Assert.Equal(2, (await SessionsAsync(app)).Count);

        // 00:04 in Vietnam: both rows are from yesterday, but a page view from before midnight may still be on its way.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 17, 4, 0, TimeSpan.Zero));
        await PostAsync(app, "night-visitor");
        await FlushAsync(app);
        Assert.Equal(3, (await SessionsAsync(app)).Count);

        // 00:05:30: five minutes' grace have passed since midnight, so yesterday's rows go, ten-hour window or not.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 17, 5, 30, TimeSpan.Zero));
        await PostAsync(app, "night-visitor");
        await FlushAsync(app);
        Assert.Equal([Hash("night-visitor")], (await SessionsAsync(app)).Select(s => s.VisitorHash));
    }

    [Fact]
    public async Task Rows_are_pruned_once_the_timeout_and_the_grace_have_passed()
    {
        using var app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000");
        await PostAsync(app, "idle-visitor");
        await FlushAsync(app);

        app.Clock.Advance(TimeSpan.FromMinutes(34));
        await PostAsync(app, "other-visitor");
        await FlushAsync(app);
        Assert.Equal(2, (await SessionsAsync(app)).Count);

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await PostAsync(app, "other-visitor");
        await FlushAsync(app);
        Assert.Equal([Hash("other-visitor")], (await SessionsAsync(app)).Select(s => s.VisitorHash));
    }

    [Fact]
    public async Task A_flush_prunes_a_bounded_number_of_expired_rows()
    {
        using var app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000");
        _ = app.Client();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var old = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
            db.VisitorSessions.AddRange(Enumerable.Range(0, 2500).Select(i => new VisitorSession { VisitorHash = Hash($"old-{i}"), LastSeen = old.AddSeconds(i) }));
            await db.SaveChangesAsync();
        }

        await PostAsync(app, "fresh-visitor");
        await FlushAsync(app);
        var left = await SessionsAsync(app);
        Assert.Equal(2500 - VisitorSessionStore.MinPrunePerFlush + 1, left.Count);
        // Oldest first.
        Assert.DoesNotContain(left, s => s.VisitorHash.SequenceEqual(Hash("old-0")));
        Assert.Contains(left, s => s.VisitorHash.SequenceEqual(Hash("old-2499")));

        await PostAsync(app, "fresh-visitor");
        await FlushAsync(app);
        await PostAsync(app, "fresh-visitor");
        await FlushAsync(app);
        Assert.Equal([Hash("fresh-visitor")], (await SessionsAsync(app)).Select(s => s.VisitorHash));
    }

    [Fact]
    public async Task The_visitor_cache_stays_within_its_size_and_forgotten_visitors_are_still_one_visit()
    {
        using var app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000").Setting("Hits:VisitorCacheSize", "10");
        var counter = app.Services.GetRequiredService<HitCounter>();
        var visitors = Enumerable.Range(0, 50).Select(i => $"cached-visitor-{i:D3}").ToList();
        foreach (var visitor in visitors)
        {
            await PostAsync(app, visitor);
            Assert.InRange(counter.CachedVisitors, 1, 10);
        }

        await FlushAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        foreach (var visitor in visitors)
        {
            await PostAsync(app, visitor);
            Assert.InRange(counter.CachedVisitors, 1, 10);
        }

        await FlushAsync(app);
        var totals = await (await app.Client().GetAsync("/api/v1/hits")).Json();
        Assert.Equal(50, totals["today"]!.GetValue<long>());
        Assert.Equal(100, totals["pageViewsToday"]!.GetValue<long>());
    }
}
