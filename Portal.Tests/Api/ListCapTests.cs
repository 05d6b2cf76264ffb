using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Every list in a command body has a cap, counted before any item is looked at: a list over it is a 400 naming the
/// field and the limit, and nothing else is reported (no item was normalised or validated). Settings: SettingsWriteTests.
/// </summary>
public sealed class ListCapTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Article_tags_and_related_directives_over_their_caps_are_a_400_naming_the_field()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var tooManyTags = Enumerable.Repeat("\u0001", 5000).ToArray();
        await AssertOnlyCapAsync(await editor.PostJson("/api/v1/articles", new { title = Editing.Unique("Thẻ"), tags = tooManyTags }), "tags", 20);
        var article = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Thẻ")));
        await AssertOnlyCapAsync(
            await editor.PutAsJsonAsync($"/api/v1/articles/{article["id"]}", new { title = "Thẻ", tags = tooManyTags }, Http.Options), "tags", 20);

        var manyDirectives = Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToArray();
        await AssertOnlyCapAsync(await editor.PostJson("/api/v1/articles", new { title = Editing.Unique("Văn bản"), directiveIds = manyDirectives }), "directiveIds", 50);

        // At the cap is fine.
        await (await editor.PostJson("/api/v1/articles", new { title = Editing.Unique("Đủ thẻ"), tags = Enumerable.Range(0, 20).Select(i => $"thẻ {i}") }))
            .Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Webhook_events_over_their_cap_are_a_400_naming_events()
    {
        var admin = portal.App.Client(PortalApp.AdminKey);
        var events = Enumerable.Repeat("no.such.event", 5000).ToArray();
        await AssertOnlyCapAsync(
            await admin.PostJson("/api/v1/webhooks", new { url = "https://hooks.example.vn/portal", events, secret = "0123456789abcdef-cap" }), "events", 20);
    }

    private static async Task AssertOnlyCapAsync(HttpResponseMessage response, string field, int max)
    {
        var problem = await response.ProblemNaming(field);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains($"at most {max}", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
