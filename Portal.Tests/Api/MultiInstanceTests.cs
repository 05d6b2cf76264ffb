using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Two Portal instances on one PostgreSQL database behave as one service.</summary>
public sealed class MultiInstanceTests : IDisposable
{
    private readonly PortalApp? _a;
    private readonly PortalApp? _b;

    public MultiInstanceTests()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }

        var shared = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        _a = new PortalApp(shared) { KeepDatabase = true };
        _ = _a.Client();
        _b = new PortalApp(shared, _a.Clock);
        _ = _b.Client();
    }

    [SkippableFact]
    public async Task Hits_posted_to_both_instances_sum_exactly()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        var posts = Enumerable.Range(0, 200).Select(i =>
        {
            var client = (i % 2 == 0 ? _a! : _b!).Client();
            client.DefaultRequestHeaders.Add("X-Visitor-Id", $"visitor-{i:D6}");
            return client.PostJson("/api/v1/hits", new { path = "/" });
        });
        Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await _a!.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);
        await _b!.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);
        foreach (var app in new[] { _a, _b })
        {
            var counter = await (await app.Client().GetAsync("/api/v1/hits")).Json();
            Assert.Equal(200, counter["today"]!.GetValue<long>());
            Assert.Equal(200, counter["pageViewsTotal"]!.GetValue<long>());
        }
    }

    [SkippableFact]
    public async Task One_reader_whose_page_views_alternate_between_the_instances_is_one_visit()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        // Twelve page views four minutes apart, bounced between the instances by a load balancer: one 44-minute visit.
        for (var i = 0; i < 12; i++)
        {
            await PostHitAsync(Instance(i), "bounced-reader-0001");
            if (i % 3 == 2)
            {
                await FlushBothAsync();
            }

            _a!.Clock.Advance(TimeSpan.FromMinutes(4));
        }

        await FlushBothAsync();
        foreach (var app in new[] { _a!, _b! })
        {
            var counter = await (await app.Client().GetAsync("/api/v1/hits")).Json();
            Assert.Equal(1, counter["today"]!.GetValue<long>());
            Assert.Equal(1, counter["total"]!.GetValue<long>());
            Assert.Equal(12, counter["pageViewsToday"]!.GetValue<long>());
        }
    }

    [SkippableFact]
    public async Task Many_readers_posting_to_both_instances_while_both_flush_concurrently_count_exactly()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        const int Readers = 300;
        const int PageViewsEach = 6;

        await PostConcurrentlyWhileFlushingAsync(Readers * PageViewsEach, n => ($"reader-{n % Readers:D4}", Instance((n / Readers) + n)));
        await AssertVisitsAsync(today: Readers, total: Readers, pageViewsToday: Readers * PageViewsEach);

        // Thirty minutes later every reader comes back with one page view through each instance: one new visit each.
        _a!.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostConcurrentlyWhileFlushingAsync(Readers * 2, n => ($"reader-{n % Readers:D4}", Instance((n / Readers) + n + 1)));
        await AssertVisitsAsync(today: 2 * Readers, total: 2 * Readers, pageViewsToday: Readers * (PageViewsEach + 2));
    }

    /// <summary>Posts <paramref name="count"/> page views from 16 concurrent clients while both instances flush in a loop.</summary>
    private async Task PostConcurrentlyWhileFlushingAsync(int count, Func<int, (string Visitor, PortalApp Instance)> route)
    {
        using var stop = new CancellationTokenSource();
        var flushing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await FlushBothAsync();
            }
        });
        var next = -1;
        var posters = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var (visitor, instance) = route(n);
                await PostHitAsync(instance, visitor);
            }
        }));
        await Task.WhenAll(posters);
        await stop.CancelAsync();
        await flushing;
        await FlushBothAsync();
    }

    private async Task AssertVisitsAsync(long today, long total, long pageViewsToday)
    {
        foreach (var app in new[] { _a!, _b! })
        {
            var counter = await (await app.Client().GetAsync("/api/v1/hits")).Json();
            Assert.Equal(today, counter["today"]!.GetValue<long>());
            Assert.Equal(total, counter["total"]!.GetValue<long>());
            Assert.Equal(pageViewsToday, counter["pageViewsToday"]!.GetValue<long>());
        }

        await using var db = await _a!.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.DailyHits.AsNoTracking().SumAsync(d => d.Visits);
        Assert.Equal(total, stored);
    }

    private static async Task PostHitAsync(PortalApp app, string visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = System.Net.Http.Json.JsonContent.Create(new { path = "/" }) };
        request.Headers.Add("X-Visitor-Id", visitor);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SendAsync(request)).StatusCode);
    }

    private Task FlushBothAsync() => Task.WhenAll(
        Task.Run(() => _a!.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None)),
        Task.Run(() => _b!.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None)));

    [SkippableFact]
    public async Task A_sync_client_reading_alternately_from_both_sees_one_gap_free_stream()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        var editors = new[] { await _a!.ClientWithRoleAsync("editor"), await _b!.ClientWithRoleAsync("editor") };
        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 5; i++)
            {
                var editor = editors[(w + i) % 2];
                var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique($"Hai máy {w}"))))["id"]!.GetValue<string>();
                await editor.PublishAsync(id);
            }
        }).ToList();
        var merged = new SyncClient(_a.Client());
        var turn = 0;
        while (!writers.All(t => t.IsCompleted))
        {
            await merged.PullPageAsync(Instance(turn++).Client());
        }

        await Task.WhenAll(writers);
        while ((await merged.PullPageAsync(Instance(turn++).Client())).HasMore)
        {
        }

        Assert.Equal(merged.Seqs.Order(), merged.Seqs);
        Assert.Equal(merged.Seqs.Count, merged.Seqs.Distinct().Count());
        var published = await (await _b.Client().GetAsync("/api/v1/articles?pageSize=100")).Json();
        var expected = published["items"]!.AsArray().Select(a => $"article:{a!["id"]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, merged.Items.Keys.Where(k => k.StartsWith("article:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task An_edit_through_one_instance_is_visible_with_a_new_ETag_through_the_other_at_once()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        const string url = "/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em";
        var before = await _b!.Client().GetAsync(url);
        var id = (await before.Json())["id"]!.GetValue<string>();
        // B now answers from its reader cache (Age is set on cached responses): the edit must get past it.
        Assert.NotNull((await _b.Client().GetAsync(url)).Headers.Age);
        var editor = await _a!.ClientWithRoleAsync("editor");
        var put = await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Tiêu đề sửa qua máy A", slug = "tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em" }, before.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await _b.Client().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("Tiêu đề sửa qua máy A", (await after.Json())["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Hits_flushed_through_one_instance_leave_the_others_cached_article_and_list_cached()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.SkipReasonWithoutPostgres);
        var list = await (await _b!.Client().GetAsync("/api/v1/articles?pageSize=5")).Json();
        var id = list["items"]![0]!["id"]!.GetValue<string>();
        string[] urls = [$"/api/v1/articles/{id}", "/api/v1/articles?pageSize=5"];
        foreach (var url in urls)
        {
            await _b.Client().GetAsync(url);
            Assert.NotNull((await _b.Client().GetAsync(url)).Headers.Age);
        }

        var reader = _a!.Client();
        reader.DefaultRequestHeaders.Add("X-Visitor-Id", "multi-instance-reader");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await reader.PostJson("/api/v1/hits", new { path = "/tin-tuc/x", articleId = id })).StatusCode);
        }

        await _a.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);

        foreach (var url in urls)
        {
            Assert.NotNull((await _b.Client().GetAsync(url)).Headers.Age);
        }
    }

    /// <summary>The instance whose turn it is: one cursor is handed from instance to instance, page by page.</summary>
    private PortalApp Instance(int turn) => turn % 2 == 0 ? _a! : _b!;

    public void Dispose()
    {
        _b?.Dispose();
        if (_a is not null)
        {
            _a.KeepDatabase = false;
            _a.Dispose();
        }
    }
}
