using System.Net;
using Microsoft.Extensions.DependencyInjection;
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
