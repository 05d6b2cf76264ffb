using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// The reader cache serves repeated anonymous reads from memory, yet never serves a change late: an edit, a delete,
/// a publish instant or a new Vietnamese day is seen by the very next read, and credentials bypass it. Page views are
/// not content: the counter's flush leaves cached responses cached, whose view counts are at most a minute old.
/// A response served from the cache carries an <c>Age</c> header, which is how these tests know the cache was hit.
/// </summary>
public sealed class ReaderCacheTests : IDisposable
{
    private readonly PortalApp _app = new PortalApp().Setting("Hits:FlushIntervalMs", "3600000");

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<(HttpClient Editor, string Id, string Slug)> PublishedArticleAsync(string title)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique(title)));
        var id = created["id"]!.GetValue<string>();
        var published = await editor.PublishAsync(id);
        return (editor, id, published["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_anonymous_read_is_served_from_the_cache()
    {
        var (_, _, slug) = await PublishedArticleAsync("Bài được lưu đệm");
        var reader = _app.Client();
        var first = await reader.GetAsync($"/api/v1/articles/{slug}");
        var second = await reader.GetAsync($"/api/v1/articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(first));
        Assert.True(FromCache(second));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_edit_is_visible_on_the_very_next_read_with_a_new_ETag()
    {
        var (editor, id, slug) = await PublishedArticleAsync("Bài sẽ sửa");
        var reader = _app.Client();
        var url = $"/api/v1/articles/{slug}";
        await reader.GetAsync(url);
        var cached = await reader.GetAsync(url);
        Assert.True(FromCache(cached));
        var list = await reader.GetAsync("/api/v1/articles?pageSize=100");
        Assert.Contains(id, await list.Content.ReadAsStringAsync());

        var current = await editor.GetAsync($"/api/v1/articles/{id}");
        var title = Editing.Unique("Tiêu đề mới");
        (await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", Editing.Article(title), current.Headers.ETag)).EnsureSuccessStatusCode();

        var next = await reader.GetAsync(url);
        Assert.Equal(title, (await next.Json())["title"]!.GetValue<string>());
        Assert.NotEqual(cached.Headers.ETag, next.Headers.ETag);
        Assert.Contains(title, await (await reader.GetAsync("/api/v1/articles?pageSize=100")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deleted_article_is_gone_on_the_next_read()
    {
        var (editor, id, slug) = await PublishedArticleAsync("Bài sẽ xoá");
        var reader = _app.Client();
        await reader.GetAsync($"/api/v1/articles/{slug}");
        Assert.True(FromCache(await reader.GetAsync($"/api/v1/articles/{slug}")));

        (await editor.DeleteAsync($"/api/v1/articles/{id}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/{slug}")).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_article_appears_at_its_publish_instant_without_any_write()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Bài hẹn giờ")));
        var id = created["id"]!.GetValue<string>();
        await editor.PublishAsync(id, _app.Clock.GetUtcNow().AddMinutes(30));
        var reader = _app.Client();
        await reader.GetAsync("/api/v1/articles?pageSize=100");
        var before = await reader.GetAsync("/api/v1/articles?pageSize=100");
        Assert.True(FromCache(before));
        Assert.DoesNotContain(id, await before.Content.ReadAsStringAsync());

        _app.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Contains(id, await (await reader.GetAsync("/api/v1/articles?pageSize=100")).Content.ReadAsStringAsync());
    }

    private static async Task PostHitsAsync(HttpClient reader, string id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var hit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = System.Net.Http.Json.JsonContent.Create(new { path = "/tin-tuc/bai-duoc-xem", articleId = id }) };
            hit.Headers.Add("X-Visitor-Id", "reader-cache-visitor");
            Assert.Equal(HttpStatusCode.Accepted, (await reader.SendAsync(hit)).StatusCode);
        }
    }

    [Fact]
    public async Task A_burst_of_hits_and_the_counters_flush_leave_cached_articles_and_lists_cached()
    {
        var (_, id, slug) = await PublishedArticleAsync("Bài được xem nhiều");
        var reader = _app.Client();
        string[] urls = [$"/api/v1/articles/{slug}", $"/api/v1/articles/{id}", "/api/v1/articles?pageSize=100", "/api/v1/settings"];
        var bodies = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            bodies[url] = await (await reader.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.True(FromCache(await reader.GetAsync(url)), url);
        }

        await PostHitsAsync(reader, id, 20);
        await _app.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);

        foreach (var url in urls)
        {
            var after = await reader.GetAsync(url);
            Assert.True(FromCache(after), $"{url} was rendered again after a counter flush");
            Assert.Equal(bodies[url], await after.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task View_counts_in_cached_responses_are_at_most_the_configured_age_old()
    {
        var (editor, id, slug) = await PublishedArticleAsync("Bài được xem");
        var reader = _app.Client();
        await reader.GetAsync($"/api/v1/articles/{slug}");
        var before = (await (await reader.GetAsync($"/api/v1/articles/{slug}")).Json())["viewCount"]!.GetValue<long>();
        await PostHitsAsync(reader, id, 3);
        await _app.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);
        Assert.Equal(before + 3, (await (await editor.GetAsync($"/api/v1/articles/{slug}")).Json())["viewCount"]!.GetValue<long>());

        _app.Clock.Advance(TimeSpan.FromSeconds(60)); // Cache:ViewCountMaxAgeSeconds

        var fresh = await reader.GetAsync($"/api/v1/articles/{slug}");
        Assert.False(FromCache(fresh));
        Assert.Equal(before + 3, (await fresh.Json())["viewCount"]!.GetValue<long>());
        Assert.Equal(before + 3, (await (await reader.GetAsync($"/api/v1/articles/{slug}")).Json())["viewCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Credentials_bypass_the_cache_in_both_directions()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var draft = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Bản nháp")));
        var id = draft["id"]!.GetValue<string>();
        var reader = _app.Client();

        await editor.GetAsync($"/api/v1/articles/{id}");
        var editorsSecond = await editor.GetAsync($"/api/v1/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, editorsSecond.StatusCode);
        Assert.False(FromCache(editorsSecond));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/{id}")).StatusCode);

        await reader.GetAsync("/api/v1/articles?pageSize=100");
        Assert.True(FromCache(await reader.GetAsync("/api/v1/articles?pageSize=100")));
        var editorsList = await editor.GetAsync("/api/v1/articles?pageSize=100");
        Assert.False(FromCache(editorsList));
        Assert.Contains(id, await editorsList.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_cache_disabled_every_read_is_rendered_afresh()
    {
        using var app = new PortalApp().Setting("Cache:Enabled", "false");
        var reader = app.Client();
        await reader.GetAsync("/api/v1/settings");
        var second = await reader.GetAsync("/api/v1/settings");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(second));
    }

    [Fact]
    public async Task Paths_are_case_sensitive_and_every_query_parameter_is_part_of_the_key()
    {
        var (_, _, slug) = await PublishedArticleAsync("Bài phân biệt hoa thường");
        var reader = _app.Client();
        await reader.GetAsync($"/api/v1/articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/articles/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/{slug.ToUpperInvariant()}")).StatusCode);

        var pageOne = await (await reader.GetAsync("/api/v1/articles?pageSize=1&page=1")).Json();
        var pageTwo = await (await reader.GetAsync("/api/v1/articles?pageSize=1&page=2")).Json();
        Assert.NotEqual(pageOne["items"]![0]!["id"]!.GetValue<string>(), pageTwo["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, pageTwo["page"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_directives_validity_changes_at_Vietnamese_midnight()
    {
        // Now is 2026-11-29 10:00 in Vietnam; the plan takes effect on 2026-11-30.
        var editor = await _app.ClientWithRoleAsync("editor");
        var issuer = await DirectiveData.IssuerAsync(editor);
        var number = $"{DirectiveData.NextNumber()}/KH-UBND";
        var directive = await DirectiveData.PublishedAsync(editor, new DirectiveBody(number, "KH", issuer, IssuedOn: "2026-11-20", EffectiveOn: "2026-11-30"));
        var url = $"/api/v1/directives/{directive["id"]!.GetValue<string>()}";
        var reader = _app.Client();
        _app.Clock.Advance(TimeSpan.FromHours(14) - TimeSpan.FromSeconds(1)); // 23:59:59; background timers run now
        var before = await (await reader.GetAsync(url)).Json();
        Assert.True(FromCache(await reader.GetAsync(url)));

        _app.Clock.Advance(TimeSpan.FromSeconds(1)); // 2026-11-30 00:00 in Vietnam

        var after = await (await reader.GetAsync(url)).Json();
        Assert.NotEqual(before["validity"]!.ToJsonString(), after["validity"]!.ToJsonString());
    }

    [Fact]
    public async Task A_banner_appears_when_its_display_period_starts_without_any_write()
    {
        // Now is 2026-11-29 03:00Z; the banner starts a minute later.
        var admin = _app.Client(PortalApp.AdminKey);
        var banners = """[{"title": "Mừng Đại hội", "startsAt": "2026-11-29T03:01:00Z", "endsAt": null}]""";
        await (await admin.PutAsync(SettingsRequests.ValidBody().Set("banners", banners), await SettingsRequests.ETagAsync(admin))).Json();
        var reader = _app.Client();
        await reader.GetAsync(SettingsRequests.Url);
        var before = await reader.GetAsync(SettingsRequests.Url);
        Assert.True(FromCache(before));
        Assert.DoesNotContain("Mừng Đại hội", await before.Content.ReadAsStringAsync());

        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("Mừng Đại hội", await (await reader.GetAsync(SettingsRequests.Url)).Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
