using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class SyncTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Fact]
    public async Task A_client_that_follows_the_cursors_holds_exactly_the_published_state()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var sync = new SyncClient(_app.Client());
        await sync.PullAsync();
        Assert.Contains(sync.Items.Keys, k => k.StartsWith("settings:", StringComparison.Ordinal));
        Assert.Equal(2, sync.Items.Keys.Count(k => k.StartsWith("directive:", StringComparison.Ordinal)));

        var kept = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Giữ lại"))))["id"]!.GetValue<string>();
        var unpublished = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Gỡ xuống"))))["id"]!.GetValue<string>();
        var deleted = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Xóa"))))["id"]!.GetValue<string>();
        var draft = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Nháp"))))["id"]!.GetValue<string>();
        foreach (var id in new[] { kept, unpublished, deleted })
        {
            await editor.PublishAsync(id);
        }

        await sync.PullAsync();
        Assert.True(sync.Items.ContainsKey($"article:{deleted}"));

        await editor.PutWithIfMatchAsync($"/api/v1/articles/{kept}", new { title = "Đã sửa tiêu đề" }, null);
        await editor.PostAsync($"/api/v1/articles/{unpublished}/unpublish", null);
        await editor.DeleteAsync($"/api/v1/articles/{deleted}");
        await editor.PutWithIfMatchAsync($"/api/v1/articles/{draft}", new { title = "Nháp vẫn là nháp" }, null);
        await sync.PullAsync();

        Assert.Equal("Đã sửa tiêu đề", sync.Items[$"article:{kept}"]["article"]!["title"]!.GetValue<string>());
        Assert.False(sync.Items.ContainsKey($"article:{unpublished}"));
        Assert.False(sync.Items.ContainsKey($"article:{deleted}"));
        Assert.False(sync.Items.ContainsKey($"article:{draft}"));
        Assert.Equal("unpublished", sync.Tombstones[$"article:{unpublished}"]["reason"]!.GetValue<string>());
        Assert.Equal("deleted", sync.Tombstones[$"article:{deleted}"]["reason"]!.GetValue<string>());
        Assert.False(sync.Tombstones.ContainsKey($"article:{draft}"));
        Assert.Equal(sync.Seqs.Order(), sync.Seqs);
        Assert.Equal(sync.Seqs.Count, sync.Seqs.Distinct().Count());

        var published = await (await _app.Client().GetAsync("/api/v1/articles?pageSize=100")).Json();
        var expected = published["items"]!.AsArray().Select(a => $"article:{a!["id"]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, sync.Items.Keys.Where(k => k.StartsWith("article:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_type_still_delivers_tombstones()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var sync = new SyncClient(_app.Client(), types: "article");
        var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Lọc loại"))))["id"]!.GetValue<string>();
        await editor.PublishAsync(id);
        await sync.PullAsync();
        await editor.DeleteAsync($"/api/v1/articles/{id}");
        await sync.PullAsync();
        Assert.Equal("deleted", sync.Tombstones[$"article:{id}"]["reason"]!.GetValue<string>());
        Assert.All(sync.Items.Keys, k => Assert.StartsWith("article:", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scheduled_article_enters_the_stream_when_its_instant_passes()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var sync = new SyncClient(_app.Client());
        await sync.PullAsync();
        var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Hẹn giờ"))))["id"]!.GetValue<string>();
        await editor.PublishAsync(id, _app.Clock.GetUtcNow().AddHours(1));
        await sync.PullAsync();
        Assert.False(sync.Items.ContainsKey($"article:{id}"));
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await sync.PullAsync();
        Assert.True(sync.Items.ContainsKey($"article:{id}"));
    }

    [Fact]
    public async Task With_concurrent_writers_no_change_is_skipped_or_repeated()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var sync = new SyncClient(_app.Client());
        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 6; i++)
            {
                var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique($"Song song {w}"))))["id"]!.GetValue<string>();
                await editor.PublishAsync(id);
                if (i % 3 == 0)
                {
                    await editor.DeleteAsync($"/api/v1/articles/{id}");
                }
            }
        }).ToList();
        var reader = Task.Run(async () =>
        {
            while (!writers.All(t => t.IsCompleted))
            {
                await sync.PullAsync(limit: 2);
            }
        });
        await Task.WhenAll(writers);
        await reader;
        await sync.PullAsync();

        Assert.Equal(sync.Seqs.Count, sync.Seqs.Distinct().Count());
        Assert.Equal(sync.Seqs.Order(), sync.Seqs);
        var published = await (await _app.Client().GetAsync("/api/v1/articles?pageSize=100")).Json();
        var expected = published["items"]!.AsArray().Select(a => $"article:{a!["id"]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, sync.Items.Keys.Where(k => k.StartsWith("article:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(8, sync.Tombstones.Count);
    }

    [Theory]
    [InlineData("cursor=nonsense", "cursor")]
    [InlineData("cursor=djE6YWJj", "cursor")]
    [InlineData("types=article,comment", "types")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    public async Task Bad_sync_parameters_are_a_400_naming_them(string query, string parameter)
    {
        await (await _app.Client().GetAsync($"/api/v1/sync?{query}")).ProblemNaming(parameter);
    }

    public void Dispose() => _app.Dispose();
}
