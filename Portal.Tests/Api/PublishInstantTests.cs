using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>
/// Publishing keeps an item's publish instant unless the editor gives one: repeated publishes are idempotent, and a
/// once-visible item republished after unpublish or archive keeps its first instant, for articles and directives alike.
/// </summary>
public sealed class PublishInstantTests : IDisposable
{
    private readonly PortalApp _app = new();

    public static TheoryData<string> Resources => ["articles", "directives"];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Publishing_a_published_item_keeps_its_publish_instant_revision_and_ETag(string resource)
    {
        var (editor, id) = await DraftAsync(resource);
        var first = await PublishAsync(editor, resource, id);
        var firstEtag = first.Headers.ETag;
        var published = await first.Json();
        _app.Clock.Advance(TimeSpan.FromHours(3));

        var again = await PublishAsync(editor, resource, id);
        Assert.Equal(firstEtag, again.Headers.ETag);
        var republished = await again.Json();
        Assert.Equal(published["publishedAt"]!.GetValue<string>(), republished["publishedAt"]!.GetValue<string>());
        Assert.Equal(published["updatedAt"]!.GetValue<string>(), republished["updatedAt"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task An_explicit_publishAt_moves_the_instant_of_a_published_item(string resource)
    {
        var (editor, id) = await DraftAsync(resource);
        await (await PublishAsync(editor, resource, id)).Json();
        var at = PortalApp.DefaultNow.AddDays(2);

        var moved = await (await PublishAsync(editor, resource, id, at)).Json();
        Assert.Equal(at.UtcDateTime, moved["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Publishing_a_scheduled_item_without_an_instant_keeps_the_schedule(string resource)
    {
        var (editor, id) = await DraftAsync(resource);
        var at = PortalApp.DefaultNow.AddDays(1);
        await (await PublishAsync(editor, resource, id, at)).Json();

        var again = await (await PublishAsync(editor, resource, id)).Json();
        Assert.Equal(at.UtcDateTime, again["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Republishing_after_unpublish_or_archive_restores_the_first_publish_instant(string resource)
    {
        var (editor, id) = await DraftAsync(resource);
        var first = (await (await PublishAsync(editor, resource, id)).Json())["publishedAt"]!.GetValue<string>();

        foreach (var steps in new[] { new[] { "unpublish" }, new[] { "archive", "unpublish" } })
        {
            _app.Clock.Advance(TimeSpan.FromDays(1));
            foreach (var step in steps)
            {
                Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/{resource}/{id}/{step}", null)).StatusCode);
            }

            var republished = await (await PublishAsync(editor, resource, id)).Json();
            Assert.Equal("published", republished["status"]!.GetValue<string>());
            Assert.Equal(first, republished["publishedAt"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_cancelled_schedule_republished_without_an_instant_publishes_now(string resource)
    {
        var (editor, id) = await DraftAsync(resource);
        await (await PublishAsync(editor, resource, id, PortalApp.DefaultNow.AddDays(7))).Json();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/{resource}/{id}/unpublish", null)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var published = await (await PublishAsync(editor, resource, id)).Json();
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, published["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    private async Task<(HttpClient Editor, string Id)> DraftAsync(string resource)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = resource == "articles"
            ? await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Tin công bố")))
            : await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor)));
        return (editor, created["id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient editor, string resource, string id, DateTimeOffset? at = null) =>
        editor.PostJson($"/api/v1/{resource}/{id}/publish", at is null ? new JsonObject() : new JsonObject { ["publishAt"] = at });

    public void Dispose() => _app.Dispose();
}
