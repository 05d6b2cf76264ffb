using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api.Feeds;

/// <summary>Importing real and deliberately broken feeds from a local server, through the HTTP API on real SQLite.</summary>
public sealed class FeedImportTests
{
    private const string DongNaiTitle = "Standing Deputy Secretary of Dong Nai CPC Ton Ngoc Hanh works with Phuoc Long, Phuoc Binh wards";

    [Fact]
    public async Task Importing_the_Dong_Nai_feed_twice_creates_one_article_with_the_instant_NukeViet_meant_and_its_source()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, _) = scene;
        server.Serve("/en/news/rss/", FeedTesting.Fixture("dongnai-news-2026-05-04.rss.xml"));
        var source = await admin.CreateSourceAsync(server.Url("/en/news/rss/"));

        var first = await admin.ImportOkAsync(source);
        var second = await admin.ImportOkAsync(source);

        Assert.Equal("imported", first.Text("outcome"));
        Assert.Equal(1, first.Number("created"));
        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal(0, second.Number("created"));
        Assert.Equal(1, second.Number("unchanged"));
        var found = Assert.Single(await admin.FindArticlesAsync("Ton Ngoc Hanh"));
        var article = await admin.ArticleAsync(found.Text("id"));
        Assert.Equal(DongNaiTitle, article.Text("title"));
        // "Mon, 4 May 2026 02:05:12 GMT" from PHP gmdate('D, j M Y H:m:s'): 05 is the month, the minutes are lost;
        // hour, seconds and zone are real, so the earliest instant it can mean is 02:00:12 UTC (09:00:12 in Vietnam).
        Assert.Equal(new DateTime(2026, 5, 4, 2, 0, 12, DateTimeKind.Utc), article["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("published", article.Text("status"));
        var provenance = article["source"]!;
        Assert.StartsWith("Cổng thông tin điện tử tỉnh Đồng Nai", provenance.Text("name"), StringComparison.Ordinal);
        Assert.Equal("news_6774", provenance.Text("feedGuid"));
        Assert.Equal(
            "https://dongnai.gov.vn/en/news/Economic-Data-Social/standing-deputy-secretary-of-dong-nai-cpc-ton-ngoc-hanh-works-with-phuoc-long-phuoc-binh-wards-6774.html",
            provenance.Text("url"));
        Assert.Contains("<img src=\"https://dongnai.gov.vn/assets/binhphuoc/news/2026_05/1_20260503151644.jpg\"", article.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.DoesNotContain("align", article.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.StartsWith("On the morning of May 2", article.Text("summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_copy_of_the_feed_updates_the_article_it_created()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, _) = scene;
        var original = FeedTesting.Fixture("dongnai-news-2026-05-04.rss.xml");
        server.Serve("/rss", original);
        var source = await admin.CreateSourceAsync(server.Url("/rss"));
        await admin.ImportOkAsync(source);
        var before = await admin.ArticleAsync(Assert.Single(await admin.FindArticlesAsync("Ton Ngoc Hanh")).Text("id"));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        server.Serve("/rss", original
            .Replace(DongNaiTitle, "Ton Ngoc Hanh visits Phuoc Long ward (updated)", StringComparison.Ordinal)
            .Replace("On the morning of May 2", "On the afternoon of May 2", StringComparison.Ordinal));
        var report = await admin.ImportOkAsync(source);

        Assert.Equal(1, report.Number("updated"));
        Assert.Equal(0, report.Number("created"));
        var after = await admin.ArticleAsync(before.Text("id"));
        Assert.Equal("Ton Ngoc Hanh visits Phuoc Long ward (updated)", after.Text("title"));
        Assert.StartsWith("On the afternoon of May 2", after.Text("summary"), StringComparison.Ordinal);
        Assert.Equal(before.Number("version") + 1, after.Number("version"));
        Assert.Equal(before.Text("slug"), after.Text("slug"));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after["updatedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task A_feed_with_a_missing_guid_an_unparseable_date_and_broken_HTML_imports_the_rest_and_reports_the_bad_item()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, token) = scene;
        server.Serve("/tin-tuc.rss", FeedTesting.Rss(
            FeedTesting.Item($"Không có guid {token}", null, "https://baodongnai.example/tin/khong-guid.html", "Tue, 05 May 2026 08:30:00 +0700", "<p>Bài không có guid.</p>"),
            FeedTesting.Item($"Ngày hỏng {token}", "bad-date-1", "https://baodongnai.example/tin/ngay-hong.html", "Thứ 2, 31/02/2026", "<p>Ngày không tồn tại.</p>"),
            FeedTesting.Item($"HTML hỏng {token}", "broken-html-1", "https://baodongnai.example/tin/2026/html-hong.html", "Wed, 6 May 2026 01:02:03 GMT",
                "<p>Mở <b>đậm <img src=\"../anh/a.jpg\" onerror=\"alert(1)\"><script>alert(2)</script><a href=\"/lien-he\">Liên hệ")));
        var source = await admin.CreateSourceAsync(server.Url("/tin-tuc.rss"));

        var report = await admin.ImportOkAsync(source);

        Assert.Equal("imported", report.Text("outcome"));
        Assert.Equal(2, report.Number("created"));
        Assert.Equal(1, report.Number("skipped"));
        var error = Assert.Single(report["errors"]!.AsArray())!;
        Assert.Equal(2, error.Number("index"));
        Assert.Equal("bad-date-1", error.Text("item"));
        Assert.Contains("Thứ 2, 31/02/2026", error.Text("reason"), StringComparison.Ordinal);
        var titles = (await admin.FindArticlesAsync(token)).Select(a => a!.Text("title")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"HTML hỏng {token}", $"Không có guid {token}"], titles);
        var broken = await admin.ArticleAsync((await admin.FindArticlesAsync($"HTML hỏng {token}"))[0]!.Text("id"));
        var body = broken.Text("bodyHtml");
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("src=\"https://baodongnai.example/tin/anh/a.jpg\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://baodongnai.example/lien-he\"", body, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 5, 6, 1, 2, 3, DateTimeKind.Utc), broken["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());

        var again = await admin.ImportOkAsync(source);
        Assert.Equal(2, again.Number("unchanged"));
        Assert.Equal(0, again.Number("created"));
    }

    [Fact]
    public async Task Entities_are_decoded_exactly_once()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, token) = scene;
        server.Serve("/rss", FeedTesting.Rss(
            $"<item><title>AT&amp;amp;T {token}</title><guid>e1</guid><pubDate>Mon, 4 May 2026 09:00:00 +0700</pubDate><description>&lt;p&gt;A &amp;amp; B&lt;/p&gt;</description></item>",
            $"<item><title>\n  <![CDATA[DongNai&#x3A; Web portal {token}]]>\n  </title><guid>e2</guid><description><![CDATA[<p>Đồng&nbsp;Nai</p>]]></description></item>"));
        var source = await admin.CreateSourceAsync(server.Url("/rss"));

        var report = await admin.ImportOkAsync(source);

        Assert.Equal(2, report.Number("created"));
        var titles = (await admin.FindArticlesAsync(token)).Select(a => a!.Text("title")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"AT&amp;T {token}", $"DongNai: Web portal {token}"], titles);
        var first = await admin.ArticleAsync((await admin.FindArticlesAsync($"AT&amp;T {token}"))[0]!.Text("id"));
        Assert.Equal("A & B", first.Text("summary"));
        Assert.Equal("<p>A &amp; B</p>", first.Text("bodyHtml"));
    }

    [Fact]
    public async Task An_item_deleted_in_Portal_is_not_resurrected_by_the_next_import()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, token) = scene;
        server.Serve("/rss", FeedTesting.Rss(FeedTesting.Item($"Sẽ bị xoá {token}", "del-1", "https://baodongnai.example/a.html", "Mon, 4 May 2026 09:00:00 +0700", "<p>Một</p>")));
        var source = await admin.CreateSourceAsync(server.Url("/rss"));
        await admin.ImportOkAsync(source);
        var id = Assert.Single(await admin.FindArticlesAsync(token))!.Text("id");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/articles/{id}")).StatusCode);

        server.Serve("/rss", FeedTesting.Rss(FeedTesting.Item($"Sẽ bị xoá {token} (sửa)", "del-1", "https://baodongnai.example/a.html", "Mon, 4 May 2026 09:00:00 +0700", "<p>Hai</p>")));
        var report = await admin.ImportOkAsync(source);

        Assert.Equal(0, report.Number("created"));
        Assert.Equal(0, report.Number("updated"));
        Assert.Equal(1, report.Number("skipped"));
        Assert.Empty(await admin.FindArticlesAsync(token));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/articles/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_unchanged_item_keeps_its_UpdatedAt_and_Version()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, token) = scene;
        server.Serve("/rss", FeedTesting.Rss(FeedTesting.Item($"Không đổi {token}", "same-1", "https://baodongnai.example/b.html", "Mon, 4 May 2026 09:00:00 +0700", "<p>Nội dung</p>")));
        var source = await admin.CreateSourceAsync(server.Url("/rss"), publish: false);
        await admin.ImportOkAsync(source);
        var before = await admin.ArticleAsync(Assert.Single(await admin.FindArticlesAsync(token))!.Text("id"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        var report = await admin.ImportOkAsync(source);

        Assert.Equal(1, report.Number("unchanged"));
        var after = await admin.ArticleAsync(before.Text("id"));
        Assert.Equal(before.Number("version"), after.Number("version"));
        Assert.Equal(before["updatedAt"]!.GetValue<DateTime>(), after["updatedAt"]!.GetValue<DateTime>());
        Assert.Equal("draft", after.Text("status"));
        Assert.Null(after["publishedAt"]);
    }

    [Fact]
    public async Task An_Atom_feed_imports_with_html_titles_as_text_and_links_resolved_against_xml_base()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, app, admin, token) = scene;
        server.Serve("/atom.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://vinhcuu.example/tin/">
              <title>Tin tức</title><id>urn:uuid:5f1c3c52-0b8e-4d8f-9f59-3a6a2c1f0001</id><updated>2026-05-04T09:00:00+07:00</updated>
              <entry>
                <title type="html">Hội nghị &lt;b&gt;trực tuyến&lt;/b&gt; {token}</title>
                <id>tag:vinhcuu.example,2026:tin-1</id>
                <link rel="alternate" href="hoi-nghi.html"/>
                <published>2026-05-04T09:15:00+07:00</published><updated>2026-05-04T10:00:00+07:00</updated>
                <content type="html">&lt;p&gt;Xem &lt;a href="phu-luc.pdf"&gt;phụ lục&lt;/a&gt;&lt;/p&gt;</content>
              </entry>
            </feed>
            """, "application/atom+xml");
        var source = await admin.CreateSourceAsync(server.Url("/atom.xml"));

        var report = await admin.ImportOkAsync(source);

        Assert.Equal(1, report.Number("created"));
        var article = await admin.ArticleAsync(Assert.Single(await admin.FindArticlesAsync(token))!.Text("id"));
        Assert.Equal($"Hội nghị trực tuyến {token}", article.Text("title"));
        Assert.Equal("https://vinhcuu.example/tin/hoi-nghi.html", article["source"]!.Text("url"));
        Assert.Equal("tag:vinhcuu.example,2026:tin-1", article["source"]!.Text("feedGuid"));
        Assert.Contains("href=\"https://vinhcuu.example/tin/phu-luc.pdf\"", article.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 5, 4, 2, 15, 0, DateTimeKind.Utc), article["publishedAt"]!.GetValue<DateTime>().ToUniversalTime());
    }
}
