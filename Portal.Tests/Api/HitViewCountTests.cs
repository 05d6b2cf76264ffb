using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Hits;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Article and directive responses carry their view counts: persisted plus pending, exact at any moment for editors'
/// (uncached) reads; anonymous reads come from the reader cache, whose view counts are at most a minute old.
/// </summary>
public sealed class HitViewCountTests : IDisposable
{
    // An hour between flushes: the test decides when hits are written.
    private readonly PortalApp _app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000");

    private HitCounter Counter => _app.Services.GetRequiredService<HitCounter>();

    private async Task PostViewsAsync(object body, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _app.Client().PostJson("/api/v1/hits", body)).StatusCode);
        }
    }

    private async Task<long> ViewCountAsync(string url, HttpClient? client = null) =>
        (await (await (client ?? _app.Client()).GetAsync(url)).Json())["viewCount"]!.GetValue<long>();

    [Fact]
    public async Task Article_and_directive_view_counts_include_pending_and_written_views()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var article = (await (await _app.Client().GetAsync("/api/v1/articles")).Json())["items"]![0]!;
        var directive = (await (await _app.Client().GetAsync("/api/v1/directives")).Json())["items"]![0]!;
        var articleUrl = $"/api/v1/articles/{article["id"]}";
        var directiveUrl = $"/api/v1/directives/{directive["id"]}";
        var articleBefore = await ViewCountAsync(articleUrl);
        var directiveBefore = await ViewCountAsync(directiveUrl);

        await PostViewsAsync(new { path = "/tin-tuc/x", articleId = article["id"]!.GetValue<Guid>() }, 3);
        await PostViewsAsync(new { path = "/van-ban/x", directiveId = directive["id"]!.GetValue<Guid>() }, 2);
        Assert.Equal(articleBefore + 3, await ViewCountAsync(articleUrl, editor));
        Assert.Equal(directiveBefore + 2, await ViewCountAsync(directiveUrl, editor));
        var listed = (await (await editor.GetAsync("/api/v1/articles")).Json())["items"]!.AsArray().Single(i => i!["id"]!.ToString() == article["id"]!.ToString());
        Assert.Equal(articleBefore + 3, listed!["viewCount"]!.GetValue<long>());

        await Counter.FlushAsync(CancellationToken.None);
        _app.Clock.Advance(TimeSpan.FromSeconds(60)); // anonymous reads come from the cache, at most a minute old
        Assert.Equal(articleBefore + 3, await ViewCountAsync(articleUrl));
        Assert.Equal(directiveBefore + 2, await ViewCountAsync(directiveUrl));
        Assert.Equal(articleBefore + 3, await ViewCountAsync(articleUrl, editor));
        var listedAnonymously = (await (await _app.Client().GetAsync("/api/v1/articles")).Json())["items"]!.AsArray().Single(i => i!["id"]!.ToString() == article["id"]!.ToString());
        Assert.Equal(articleBefore + 3, listedAnonymously!["viewCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_view_count_read_just_before_a_flush_committed_is_completed_by_the_counter()
    {
        var article = (await (await _app.Client().GetAsync("/api/v1/articles")).Json())["items"]![0]!;
        var id = article["id"]!.GetValue<Guid>();
        var persisted = article["viewCount"]!.GetValue<long>();
        await PostViewsAsync(new { path = "/tin-tuc/x", articleId = id }, 4);

        // A reader took `persisted` from the database, then the batch was written before it asked the counter.
        await Counter.FlushAsync(CancellationToken.None);
        Assert.Equal(4, Counter.PendingViews(id, persisted, PublicationState.Published));
        Assert.Equal(0, Counter.PendingViews(id, persisted + 4, PublicationState.Published));
    }

    [Fact]
    public async Task Views_of_drafts_scheduled_archived_deleted_or_unknown_items_count_for_the_site_only()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var issuer = await DirectiveData.IssuerAsync(editor);
        async Task<string> ArticleAsync() => (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Tin ẩn"))))["id"]!.GetValue<string>();
        async Task<string> DirectiveAsync() =>
            (await DirectiveData.CreateAsync(editor, new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", issuer)))["id"]!.GetValue<string>();
        var hidden = new List<(string Resource, string Id)>();
        foreach (var (resource, create) in new[] { ("articles", (Func<Task<string>>)ArticleAsync), ("directives", DirectiveAsync) })
        {
            hidden.Add((resource, await create())); // draft
            var scheduled = await create();
            Assert.Equal(HttpStatusCode.OK, (await editor.PostJson($"/api/v1/{resource}/{scheduled}/publish", new { publishAt = PortalApp.DefaultNow.AddDays(1) })).StatusCode);
            var archived = await create();
            Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/{resource}/{archived}/archive", null)).StatusCode);
            hidden.AddRange([(resource, scheduled), (resource, archived)]);
        }

        var deleted = await ArticleAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostJson($"/api/v1/articles/{deleted}/publish", new { })).StatusCode);
        var before = (await (await _app.Client().GetAsync("/api/v1/hits")).Json())["pageViewsTotal"]!.GetValue<long>();

        foreach (var (resource, id) in hidden)
        {
            await PostViewsAsync(resource == "articles" ? new { path = "/x", articleId = Guid.Parse(id) } : new { path = "/x", directiveId = (Guid?)Guid.Parse(id) }, 2);
        }

        await PostViewsAsync(new { path = "/x", articleId = Guid.Parse(deleted) }, 2);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/articles/{deleted}")).StatusCode);
        await PostViewsAsync(new { path = "/x", articleId = Guid.NewGuid() }, 1);
        await PostViewsAsync(new { path = "/x", directiveId = Guid.NewGuid() }, 1);

        foreach (var flushed in new[] { false, true })
        {
            foreach (var (resource, id) in hidden)
            {
                var read = await (await editor.GetAsync($"/api/v1/{resource}/{id}")).Json();
                Assert.True(read["viewCount"]!.GetValue<long>() == 0, $"{resource} {read["status"]} {id} (flushed: {flushed}) has {read["viewCount"]} views");
            }

            var listed = (await (await editor.GetAsync("/api/v1/articles?status=draft&pageSize=100")).Json())["items"]!.AsArray();
            Assert.All(listed, i => Assert.Equal(0, i!["viewCount"]!.GetValue<long>()));
            await Counter.FlushAsync(CancellationToken.None);
        }

        Assert.Equal(before + (hidden.Count * 2) + 4, (await (await _app.Client().GetAsync("/api/v1/hits")).Json())["pageViewsTotal"]!.GetValue<long>());
        _app.Clock.Advance(TimeSpan.FromDays(2)); // the scheduled article is now visible, without the views it got before
        Assert.Equal(0, await ViewCountAsync($"/api/v1/articles/{hidden[1].Id}"));
    }

    public void Dispose() => _app.Dispose();
}
