using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class ArticleEditingTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Fact]
    public async Task Writes_need_a_key_with_the_editor_role()
    {
        var body = Editing.Article(Editing.Unique("Không khóa"));
        await (await _app.Client().PostJson("/api/v1/articles", body)).Problem(HttpStatusCode.Unauthorized);
        await (await _app.Client("ptl_not-a-real-key").PostJson("/api/v1/articles", body)).Problem(HttpStatusCode.Unauthorized);
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.GetAsync("/api/v1/api-keys")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var created = await (await admin.PostJson("/api/v1/api-keys", new { name = "short-lived", role = "editor" })).Json(HttpStatusCode.Created);
        var editor = _app.Client(created["secret"]!.GetValue<string>());
        await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Trước khi thu hồi")));
        var keys = await (await admin.GetAsync("/api/v1/api-keys")).Json();
        Assert.DoesNotContain("secret", keys.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{created["id"]}")).StatusCode);
        await (await editor.PostJson("/api/v1/articles", Editing.Article("Sau khi thu hồi"))).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var created = await (await admin.PostJson("/api/v1/api-keys", new { name = "hashed", role = "editor" })).Json(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "hashed");
        Assert.NotEqual(secret, stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slugs_follow_the_Vietnamese_rules_and_collisions_get_numbered_suffixes()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var title = "Đồng Nai tăng cường công tác " + Guid.NewGuid().ToString("N")[..6];
        var first = await editor.CreateArticleAsync(Editing.Article(title));
        var second = await editor.CreateArticleAsync(Editing.Article(title));
        var third = await editor.CreateArticleAsync(Editing.Article(title.Normalize(NormalizationForm.FormD)));
        var slug = first["slug"]!.GetValue<string>();
        Assert.StartsWith("dong-nai-tang-cuong-cong-tac-", slug, StringComparison.Ordinal);
        Assert.Equal(slug + "-2", second["slug"]!.GetValue<string>());
        Assert.Equal(slug + "-3", third["slug"]!.GetValue<string>());
        Assert.Equal(title, third["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_creates_with_one_title_all_succeed_with_distinct_slugs()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var title = Editing.Unique("Tin đồng thời");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => editor.PostJson("/api/v1/articles", Editing.Article(title))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var slugs = await Task.WhenAll(responses.Select(async r => (await r.Json(HttpStatusCode.Created))["slug"]!.GetValue<string>()));
        Assert.Equal(8, slugs.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_requested_slug_that_is_taken_is_409_and_nothing_is_stored()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var existing = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Có sẵn")));
        var title = Editing.Unique("Trùng slug");
        var response = await editor.PostJson("/api/v1/articles", new { title, slug = existing["slug"]!.GetValue<string>() });
        await response.Problem(HttpStatusCode.Conflict);
        var search = await (await editor.GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(title)}")).Json();
        Assert.Equal(0, search["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_old_slug_answers_301_to_the_current_one()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Đổi tên")));
        var id = created["id"]!.GetValue<string>();
        await editor.PublishAsync(id);
        var oldSlug = created["slug"]!.GetValue<string>();
        var newSlug = "ten-moi-" + Guid.NewGuid().ToString("N")[..8];
        var put = await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Tên mới", slug = newSlug }, null);
        Assert.Equal(newSlug, (await put.Json())["slug"]!.GetValue<string>());
        var redirect = await _app.Client().GetAsync($"/api/v1/articles/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/api/v1/articles/{newSlug}", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Two_concurrent_PUTs_with_the_same_If_Match_give_one_200_and_one_412()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.PostJson("/api/v1/articles", Editing.Article(Editing.Unique("Tranh chấp")));
        var etag = created.Headers.ETag;
        var id = (await created.Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var results = await Task.WhenAll(
            editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Phiên bản A" }, etag),
            editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Phiên bản B" }, etag));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
        var winner = await results.Single(r => r.StatusCode == HttpStatusCode.OK).Json();
        var stored = await (await editor.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal(winner["title"]!.GetValue<string>(), stored["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_changes_nothing()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.PostJson("/api/v1/articles", Editing.Article("Bản gốc " + Guid.NewGuid().ToString("N")));
        var staleTag = created.Headers.ETag;
        var id = (await created.Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var first = await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Sửa lần một" }, staleTag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(staleTag, first.Headers.ETag);
        var second = await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Sửa lần hai" }, staleTag);
        await second.Problem(HttpStatusCode.PreconditionFailed);
        var stored = await (await editor.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal("Sửa lần một", stored["title"]!.GetValue<string>());
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/articles/{id}");
        delete.Headers.IfMatch.Add(staleTag!);
        await (await editor.SendAsync(delete)).Problem(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("id", "\"01a22914-6d01-74f1-8131-9f0e3601783f\"")]
    [InlineData("Id", "\"01a22914-6d01-74f1-8131-9f0e3601783f\"")]
    [InlineData("viewCount", "999")]
    [InlineData("status", "\"published\"")]
    [InlineData("createdAt", "\"2001-01-01T00:00:00Z\"")]
    [InlineData("UpdatedAt", "\"2001-01-01T00:00:00Z\"")]
    [InlineData("version", "42")]
    [InlineData("publishedAt", "\"2001-01-01T00:00:00Z\"")]
    [InlineData("slugHistory", "[\"x\"]")]
    public async Task Server_owned_fields_in_a_body_are_refused_naming_them_and_nothing_is_written(string member, string value)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var title = Editing.Unique("Gán hàng loạt");
        var json = $$"""{"title":"{{title}}","{{member}}":{{value}}}""";
        await (await editor.PostAsync("/api/v1/articles", new StringContent(json, Encoding.UTF8, "application/json"))).ProblemNaming(member);
        var found = await (await editor.GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(title)}")).Json();
        Assert.Empty(found["items"]!.AsArray());
    }

    [Fact]
    public async Task Scripts_and_unsafe_links_never_come_back_while_news_markup_stays()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        const string body = """
            <h2>Tiêu đề</h2><p onclick="steal()">Đoạn <strong>đậm</strong> <a href="javascript:alert(1)">xấu</a> <a href="https://dongnai.gov.vn/">tốt</a></p>
            <script>alert('xss')</script><img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA">
            <figure><img src="https://example.org/a.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>
            <table><tr><td>Ô</td></tr></table><iframe src="https://evil.example"></iframe><style>p{}</style>
            """;
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Vệ sinh HTML"), body));
        var html = created["bodyHtml"]!.GetValue<string>();
        foreach (var bad in new[] { "<script", "alert(", "onclick", "onerror", "javascript:", "data:image", "<iframe", "<style" })
        {
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var good in new[] { "<h2>", "<strong>đậm</strong>", "href=\"https://dongnai.gov.vn/\"", "<figure>", "<figcaption>Chú thích</figcaption>", "<table>" })
        {
            Assert.Contains(good, html, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"title":""}""", "title" },
        { """{"title":"   "}""", "title" },
        { """{"title":"a\nb"}""", "title" },
        { "{\"title\":\"" + new string('x', 301) + "\"}", "title" },
        { """{"title":"ok","summary":"Uû ban nh©n d©n huyÖn VÜnh Cöu"}""", "summary" },
        { """{"title":"Uû ban nh©n d©n huyÖn"}""", "title" },
        { """{"title":"ok","slug":"Not A Slug"}""", "slug" },
        { """{"title":"ok","tags":[""]}""", "tags[0]" },
        { """{"title":"ok","categoryId":"00000000-0000-0000-0000-000000000001"}""", "categoryId" },
        { """{"title":"ok","directiveIds":["00000000-0000-0000-0000-000000000001"]}""", "directiveIds" },
        { """{"title":"ok","categoryId":"nope"}""", "categoryId" },
        { """{"title":"ok","coverImage":{"caption":"no file"}}""", "coverImage.mediaId" },
        { """{"title":"ok","coverImage":{"mediaId":"00000000-0000-0000-0000-000000000001"}}""", "coverImage.mediaId" },
        { """{"title": 5}""", "title" },
        { """{"title":"ok",""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var before = (await (await editor.GetAsync("/api/v1/articles")).Json())["totalItems"]!.GetValue<int>();
        var response = await editor.PostAsync("/api/v1/articles", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ProblemNaming(field);
        var after = (await (await editor.GetAsync("/api/v1/articles")).Json())["totalItems"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_an_oversized_body_is_413()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.PostAsync("/api/v1/articles", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"))).Problem(HttpStatusCode.UnsupportedMediaType);
        var huge = "{\"title\":\"x\",\"bodyHtml\":\"" + new string('a', 3 * 1024 * 1024) + "\"}";
        await (await editor.PostAsync("/api/v1/articles", new StringContent(huge, Encoding.UTF8, "application/json"))).Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Publishing_an_archived_article_is_409()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Lưu trữ"))))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/articles/{id}/archive", null)).StatusCode);
        await (await editor.PostJson($"/api/v1/articles/{id}/publish", new { })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/articles/{id}/unpublish", null)).StatusCode);
        Assert.Equal("published", (await editor.PublishAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saving_an_article_records_the_documents_its_text_mentions()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Tin nhắc văn bản"), "<p>Theo Chỉ thị số 28-CT/TW và kế hoạch số 211/KH-HU.</p>"));
        var numbers = created["directives"]!.AsArray().Select(d => d!["number"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["211/KH-HU", "28-CT/TW"], numbers);
    }

    public void Dispose() => _app.Dispose();
}
