using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Webhooks;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>PATCH on articles (RFC 7396 JSON Merge Patch): what is left out stays, the rest goes the way of a PUT.</summary>
public sealed class ArticlePatchTests : IDisposable
{
    private readonly PortalApp _app = new();

    private HttpClient Editor => _app.Client(PortalApp.AdminKey);

    private async Task<(string Id, string DirectiveId, JsonNode Article)> CreateAsync()
    {
        var directive = await DirectiveData.CreateAsync(Editor, new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", null, "Ủy ban nhân dân huyện Vĩnh Cửu"));
        var directiveId = directive["id"]!.GetValue<string>();
        var article = await Editor.CreateArticleAsync(new
        {
            title = Editing.Unique("Vá bài"),
            summary = "Tóm tắt",
            bodyHtml = "<p>Nội dung</p>",
            author = "Hồng Yến",
            tags = new[] { "Trẻ em", "Giáo dục" },
            coverImage = new { fileName = "anh-bia.jpg", caption = "Chú thích", altText = "Ảnh bìa" },
            directiveIds = new[] { directiveId },
        });
        return (article["id"]!.GetValue<string>(), directiveId, article);
    }

    [Fact]
    public async Task A_patch_of_the_title_keeps_author_tags_cover_and_directive_links()
    {
        var (id, directiveId, before) = await CreateAsync();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"title\":\"Tiêu đề mới\"}")).Json();
        Assert.Equal("Tiêu đề mới", patched["title"]!.GetValue<string>());
        Assert.Equal("Hồng Yến", patched["author"]!.GetValue<string>());
        Assert.Equal(["Giáo dục", "Trẻ em"], patched["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(before["tags"]!.ToJsonString(), patched["tags"]!.ToJsonString());
        Assert.Equal("Chú thích", patched["coverImage"]!["caption"]!.GetValue<string>());
        Assert.Equal(directiveId, Assert.Single(patched["directives"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(before["summary"]!.GetValue<string>(), patched["summary"]!.GetValue<string>());
        Assert.Equal(before["slug"]!.GetValue<string>(), patched["slug"]!.GetValue<string>());
        Assert.Equal(before["version"]!.GetValue<int>() + 1, patched["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Null_empties_optional_fields_and_leaves_the_rest()
    {
        var (id, _, _) = await CreateAsync();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/articles/{id}",
            "{\"author\":null,\"tags\":null,\"coverImage\":null,\"directiveIds\":null,\"summary\":null}")).Json();
        Assert.Null(patched["author"]);
        Assert.Null(patched["summary"]);
        Assert.Null(patched["coverImage"]);
        Assert.Empty(patched["tags"]!.AsArray());
        Assert.Empty(patched["directives"]!.AsArray());
        Assert.Equal("<p>Nội dung</p>", patched["bodyHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nested_member_merges_into_the_cover_image()
    {
        var (id, _, _) = await CreateAsync();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"coverImage\":{\"caption\":null,\"altText\":\"Mới\"}}")).Json();
        Assert.Equal("anh-bia.jpg", patched["coverImage"]!["fileName"]!.GetValue<string>());
        Assert.Null(patched["coverImage"]!["caption"]);
        Assert.Equal("Mới", patched["coverImage"]!["altText"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"viewCount\":5}", "viewCount")]
    [InlineData("{\"status\":\"published\"}", "status")]
    [InlineData("{\"id\":null}", "id")]
    [InlineData("{\"Title\":\"Hoa\"}", "Title")]
    [InlineData("{\"coverImage\":{\"url\":\"/x.jpg\"}}", "coverImage.url")]
    [InlineData("{\"title\":null}", "title")]
    [InlineData("{\"title\":\"   \"}", "title")]
    [InlineData("{\"title\":5}", "title")]
    [InlineData("{\"tags\":\"Trẻ em\"}", "tags")]
    [InlineData("{\"tags\":[1]}", "tags[0]")]
    [InlineData("{\"directiveIds\":[\"khong-phai-guid\"]}", "directiveIds[0]")]
    [InlineData("{\"categoryId\":\"00000000-0000-0000-0000-000000000001\"}", "categoryId")]
    [InlineData("{\"author\":\"Uû ban nh©n d©n\"}", "author")]
    [InlineData("[]", "body")]
    [InlineData("{\"title\":", "body")]
    public async Task A_bad_patch_is_a_400_naming_its_path_and_changes_nothing(string json, string field)
    {
        var (id, _, before) = await CreateAsync();
        await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", json)).ProblemNaming(field);
        var after = await (await Editor.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task A_patch_that_is_not_a_merge_patch_is_415(string contentType)
    {
        var (id, _, _) = await CreateAsync();
        await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"title\":\"Khác\"}", contentType: contentType))
            .Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task If_Match_is_honoured_a_stale_one_is_412()
    {
        var (id, _, _) = await CreateAsync();
        var read = await Editor.GetAsync($"/api/v1/articles/{id}");
        var etag = read.Headers.ETag!;
        var first = await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"author\":\"Minh Châu\"}", etag);
        await first.Json();
        Assert.NotEqual(etag, first.Headers.ETag);
        await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"author\":\"Lan Anh\"}", etag)).Problem(HttpStatusCode.PreconditionFailed);
        var after = await (await Editor.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal("Minh Châu", after["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_and_deleted_articles_are_404()
    {
        await (await Editor.MergePatchAsync($"/api/v1/articles/{Guid.NewGuid()}", "{\"title\":\"Khác\"}")).Problem(HttpStatusCode.NotFound);
        var (id, _, _) = await CreateAsync();
        await Editor.DeleteAsync($"/api/v1/articles/{id}");
        await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"title\":\"Khác\"}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_patch_is_saved_as_a_PUT_would_be_sanitised_slug_redirected_mentions_linked()
    {
        var (id, _, before) = await CreateAsync();
        var number = $"{DirectiveData.NextNumber()}/KH-UBND";
        var mentioned = await DirectiveData.CreateAsync(Editor, new DirectiveBody(number, "KH", null, "Ủy ban nhân dân huyện Vĩnh Cửu"));
        var asciiSlug = "va-" + Guid.NewGuid().ToString("N")[..8];
        var patch = new JsonObject
        {
            ["slug"] = asciiSlug,
            ["bodyHtml"] = $"<p>Thực hiện Kế hoạch số {number}<script>alert(1)</script></p>",
        };
        var patched = await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", patch.ToJsonString())).Json();
        Assert.DoesNotContain("<script", patched["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(patched["directives"]!.AsArray(), d => d!["id"]!.GetValue<string>() == mentioned["id"]!.GetValue<string>());
        Assert.Equal(2, patched["directives"]!.AsArray().Count);

        await Editor.PublishAsync(id);
        var old = await _app.Client().GetAsync($"/api/v1/articles/{before["slug"]}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith(asciiSlug, old.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_is_recorded_for_sync_and_webhooks_like_a_PUT()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _app.Client(PortalApp.AdminKey).PostJson("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "article.updated" }, secret = "s3cret-for-tests-0123" });
        var (id, _, _) = await CreateAsync();
        await Editor.PublishAsync(id);
        var sync = new SyncClient(_app.Client(), "article");
        await sync.PullAsync();

        await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{\"title\":\"Đã vá\"}")).Json();

        Assert.Equal(1, await sync.PullAsync());
        Assert.Equal("Đã vá", sync.Items[$"article:{id}"]["article"]!["title"]!.GetValue<string>());
        await _app.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);
        var delivered = Assert.Single(receiver.Requests);
        Assert.Equal("article.updated", delivered.Event);
        Assert.Contains(id, delivered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_patch_with_If_Match_star_saves_the_same_fields()
    {
        var (id, _, before) = await CreateAsync();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/articles/{id}", "{}", EntityTagHeaderValue.Any)).Json();
        Assert.Equal(before["title"]!.GetValue<string>(), patched["title"]!.GetValue<string>());
        Assert.Equal(before["tags"]!.ToJsonString(), patched["tags"]!.ToJsonString());
    }

    public void Dispose() => _app.Dispose();
}
