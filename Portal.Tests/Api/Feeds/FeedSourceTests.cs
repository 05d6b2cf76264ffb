using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api.Feeds;

/// <summary>Managing feed sources: validation, access, SSRF refusal, conditional GET, redirects and run reports.</summary>
public sealed class FeedSourceTests(FeedPortal portal) : IClassFixture<FeedPortal>
{
    [Theory]
    [InlineData("ftp://dongnai.gov.vn/rss")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("dongnai.gov.vn/rss")]
    public async Task A_source_with_a_non_http_url_is_rejected_naming_url(string url)
    {
        var admin = await portal.App.ClientWithRoleAsync("admin");
        var response = await admin.PostJson("/api/v1/feed-sources", new { name = "Đồng Nai", url });
        await response.ProblemNaming("url");
    }

    [Fact]
    public async Task A_source_with_a_blank_name_an_unknown_category_or_an_interval_out_of_range_is_rejected_naming_each_field()
    {
        var admin = await portal.App.ClientWithRoleAsync("admin");
        await (await admin.PostJson("/api/v1/feed-sources", new { name = " ", url = "https://dongnai.gov.vn/rss" })).ProblemNaming("name");
        await (await admin.PostJson("/api/v1/feed-sources", new { name = "Đồng Nai", url = "https://dongnai.gov.vn/rss", pollIntervalMinutes = 1 })).ProblemNaming("pollIntervalMinutes");
        await (await admin.PostJson("/api/v1/feed-sources", new { name = "Đồng Nai", url = "https://dongnai.gov.vn/rss", pollIntervalMinutes = 1441 })).ProblemNaming("pollIntervalMinutes");
        await (await admin.PostJson("/api/v1/feed-sources", new { name = "Đồng Nai", url = "https://dongnai.gov.vn/rss", categoryId = Guid.NewGuid() })).ProblemNaming("categoryId");
    }

    [Fact]
    public async Task Feed_sources_are_for_admins_only()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.App.Client().GetAsync("/api/v1/feed-sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/feed-sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJson("/api/v1/feed-sources", new { name = "x", url = "https://dongnai.gov.vn/rss" })).StatusCode);
    }

    [Fact]
    public async Task A_source_can_be_created_read_replaced_with_If_Match_and_deleted()
    {
        var admin = await portal.App.ClientWithRoleAsync("admin");
        var created = await admin.PostJson("/api/v1/feed-sources", new { name = "Báo Đồng Nai", url = "https://baodongnai.com.vn/rss/chinh-tri.rss" });
        var source = await created.Json(HttpStatusCode.Created);
        Assert.Equal(60, source.Number("pollIntervalMinutes"));
        Assert.False(source["publishOnImport"]!.GetValue<bool>());
        Assert.True(source["enabled"]!.GetValue<bool>());
        var id = source.Text("id");
        var etag = created.Headers.ETag;

        var replaced = await admin.PutWithIfMatchAsync($"/api/v1/feed-sources/{id}", new { name = "Báo Đồng Nai", url = "https://baodongnai.com.vn/rss/xa-hoi.rss", pollIntervalMinutes = 30, publishOnImport = true, enabled = false }, etag);
        var after = await replaced.Json();
        Assert.Equal(30, after.Number("pollIntervalMinutes"));
        Assert.Equal(2, after.Number("version"));
        var stale = await admin.PutWithIfMatchAsync($"/api/v1/feed-sources/{id}", new { name = "x", url = "https://baodongnai.com.vn/rss" }, etag);
        await stale.Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/feed-sources/{id}")).StatusCode);
        await (await admin.GetAsync($"/api/v1/feed-sources/{id}")).Problem(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/feed-sources/{id}/import", null)).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/feed-sources/{id}/runs")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_source_on_a_non_public_host_is_refused_at_creation_and_update_naming_url()
    {
        using var app = new PortalApp().Setting("Feeds:AllowPrivateNetworks", "false").Setting("Feeds:PollerEnabled", "false");
        var admin = await app.ClientWithRoleAsync("admin");
        foreach (var url in new[]
        {
            "http://127.0.0.1:8080/rss", "http://127.1/rss", "http://2130706433/rss", "http://0177.0.0.1/rss", "http://0x7f.0.0.1/rss",
            "http://localhost/rss", "http://tin-tuc.localhost/rss", "http://[::1]/rss", "http://[fd12:3456::1]/rss", "http://[fe80::1]/rss",
            "http://[::ffff:127.0.0.1]/rss", "http://[::ffff:192.168.1.1]/rss", "http://10.0.0.1/rss", "http://169.254.169.254/latest/meta-data/",
            "http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/", "http://127\u30020\u30020\u30021/", "http://\u2460\u2461\u2466.0.0.1/",
            "http://203.0.113.5/rss", "http://[2001:db8::1]/rss", "http://[100::1]/rss", "http://[::ffff:0:7f00:1]/rss",
        })
        {
            var problem = await (await admin.PostJson("/api/v1/feed-sources", new { name = "Nội bộ", url })).ProblemNaming("url");
            Assert.Contains("Feeds:AllowPrivateNetworks", problem["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A name that is not certainly local is accepted now and resolved at each fetch.
        var id = await admin.CreateSourceAsync("https://baodongnai.example/rss");
        var source = await (await admin.GetAsync($"/api/v1/feed-sources/{id}")).Json();
        await (await admin.PutAsJsonAsync($"/api/v1/feed-sources/{id}", new { name = "Đồng Nai", url = "http://[::1]:8080/rss" }, Http.Options)).ProblemNaming("url");
        Assert.Equal(source.ToJsonString(), (await (await admin.GetAsync($"/api/v1/feed-sources/{id}")).Json()).ToJsonString());
        Assert.Single((await (await admin.GetAsync("/api/v1/feed-sources")).Json()).AsArray());
    }

    [Fact]
    public async Task A_source_that_reaches_127_0_0_1_is_refused_in_the_run_report_when_private_networks_are_not_allowed()
    {
        await using var server = await FeedServer.StartAsync();
        server.Serve("/rss", FeedTesting.Fixture("dongnai-news-2026-05-04.rss.xml"));
        using var app = new PortalApp().Setting("Feeds:AllowPrivateNetworks", "false").Setting("Feeds:PollerEnabled", "false");
        var admin = await app.ClientWithRoleAsync("admin");

        // Sources saved before the creation-time check, or while private networks were allowed: the fetch checks again
        // (and resolves names then, so a name answering with a loopback address is refused too).
        foreach (var url in new[] { server.Url("/rss"), server.Url("/rss").Replace("127.0.0.1", "localhost", StringComparison.Ordinal) })
        {
            var source = await admin.CreateSourceAsync("https://baodongnai.example/rss");
            using (var scope = app.Services.CreateScope())
            {
                var id = Guid.Parse(source);
                await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FeedSources.Where(s => s.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Url, url));
            }

            var report = (await admin.ImportAsync(source)).Expect("failed");

            var error = Assert.Single(report["errors"]!.AsArray())!;
            Assert.Contains("loopback", error.Text("reason"), StringComparison.Ordinal);
            Assert.Contains("Feeds:AllowPrivateNetworks", error.Text("reason"), StringComparison.Ordinal);
            Assert.Null(report["httpStatus"]);
        }

        Assert.Equal(0, server.Hits("/rss"));
        Assert.Empty(await admin.FindArticlesAsync("Ton Ngoc Hanh"));
    }

    [Fact]
    public async Task The_second_poll_sends_the_validators_and_a_304_counts_as_unchanged()
    {
        await using var server = await FeedServer.StartAsync();
        var token = Guid.NewGuid().ToString("N");
        server.Serve("/etag.rss", FeedTesting.Rss(FeedTesting.Item($"ETag {token}", "etag-1", "https://baodongnai.example/e.html", "Mon, 4 May 2026 09:00:00 +0700", "<p>Một</p>")),
            etag: "\"v1\"", lastModified: "Mon, 04 May 2026 02:05:12 GMT");
        var admin = await portal.App.ClientWithRoleAsync("admin");
        var source = await admin.CreateSourceAsync(server.Url("/etag.rss"));

        var first = await admin.ImportOkAsync(source);
        var second = (await admin.ImportAsync(source)).Expect("notModified");

        Assert.Equal(1, first.Number("created"));
        Assert.Equal(304, second.Number("httpStatus"));
        Assert.Equal(1, second.Number("unchanged"));
        Assert.Equal(0, second.Number("created") + second.Number("updated") + second.Number("skipped"));
        var requests = server.Requests.Where(r => r.Path == "/etag.rss").ToList();
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal("\"v1\"", requests[1].IfNoneMatch);
        Assert.Equal("Mon, 04 May 2026 02:05:12 GMT", requests[1].IfModifiedSince);
    }

    [Fact]
    public async Task Redirects_are_followed_a_few_times_and_never_to_other_schemes()
    {
        await using var server = await FeedServer.StartAsync();
        var token = Guid.NewGuid().ToString("N");
        server.Serve("/final.rss", FeedTesting.Rss(FeedTesting.Item($"Chuyển hướng {token}", "r-1", "/tin/r.html", "Mon, 4 May 2026 09:00:00 +0700", "<img src=\"anh.jpg\">")));
        server.Redirect("/r1", "/r2", 301);
        server.Redirect("/r2", "/final.rss", 308);
        server.Redirect("/loop", "/loop");
        server.Redirect("/file", "file:///etc/passwd");
        var admin = await portal.App.ClientWithRoleAsync("admin");

        var followed = await admin.ImportOkAsync(await admin.CreateSourceAsync(server.Url("/r1")));
        var looping = (await admin.ImportAsync(await admin.CreateSourceAsync(server.Url("/loop")))).Expect("failed");
        var toFile = (await admin.ImportAsync(await admin.CreateSourceAsync(server.Url("/file")))).Expect("failed");

        Assert.Equal(1, followed.Number("created"));
        var article = await admin.ArticleAsync(Assert.Single(await admin.FindArticlesAsync(token))!.Text("id"));
        Assert.Equal(server.Url("/tin/r.html"), article["source"]!.Text("url"));
        Assert.Contains($"src=\"{server.Url("/tin/anh.jpg")}\"", article.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.Contains("more than 3 times", looping["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
        Assert.Equal(4, server.Hits("/loop"));
        Assert.Contains("not an http or https URL", toFile["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_is_not_a_feed_or_not_found_fails_without_changing_anything_and_runs_are_listed_newest_first()
    {
        await using var server = await FeedServer.StartAsync();
        server.Serve("/page.html", "<!DOCTYPE html><html><body><p>Trang chủ</p></body></html>", "text/html");
        server.Serve("/broken.rss", "<rss version=\"2.0\"><channel><item><title>Không đóng");
        var admin = await portal.App.ClientWithRoleAsync("admin");
        var source = await admin.CreateSourceAsync(server.Url("/missing.rss"));

        var missing = (await admin.ImportAsync(source)).Expect("failed");
        await admin.PutWithIfMatchAsync($"/api/v1/feed-sources/{source}", new { name = "Trang", url = server.Url("/page.html") }, null);
        var html = (await admin.ImportAsync(source)).Expect("failed");
        await admin.PutWithIfMatchAsync($"/api/v1/feed-sources/{source}", new { name = "Hỏng", url = server.Url("/broken.rss") }, null);
        var broken = (await admin.ImportAsync(source)).Expect("failed");

        Assert.Equal(404, missing.Number("httpStatus"));
        Assert.Contains("HTTP 404", missing["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
        Assert.Contains("neither RSS 2.0 nor Atom 1.0", html["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", broken["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
        var runs = (await (await admin.GetAsync($"/api/v1/feed-sources/{source}/runs")).Json()).AsArray();
        Assert.Equal([broken.Text("id"), html.Text("id"), missing.Text("id")], runs.Select(r => r!.Text("id")));
    }

    [Fact]
    public async Task A_feed_larger_than_the_cap_is_refused_and_items_past_the_cap_are_left_out_and_reported()
    {
        await using var server = await FeedServer.StartAsync();
        var token = Guid.NewGuid().ToString("N");
        var items = Enumerable.Range(1, 5).Select(i => FeedTesting.Item($"Tin {i} {token}", $"cap-{i}", null, "Mon, 4 May 2026 09:00:00 +0700", "<p>x</p>")).ToArray();
        server.Serve("/five.rss", FeedTesting.Rss(items));
        server.Serve("/big.rss", FeedTesting.Rss(FeedTesting.Item("Lớn", "big", null, null, new string('x', 5000))));
        using var app = FeedTesting.App().Setting("Feeds:MaxItems", "3").Setting("Feeds:MaxFeedBytes", "4000");
        var admin = await app.ClientWithRoleAsync("admin");

        var capped = await admin.ImportOkAsync(await admin.CreateSourceAsync(server.Url("/five.rss")));
        var big = (await admin.ImportAsync(await admin.CreateSourceAsync(server.Url("/big.rss")))).Expect("failed");

        Assert.Equal(3, capped.Number("created"));
        Assert.Contains("only the first 3", Assert.Single(capped["errors"]!.AsArray())!.Text("reason"), StringComparison.Ordinal);
        Assert.Contains("larger than 4000 bytes", big["errors"]![0]!.Text("reason"), StringComparison.Ordinal);
    }
}
