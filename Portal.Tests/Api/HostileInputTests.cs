using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Webhooks;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Inputs found by a hostile trial: each once answered 500 or broke a public feed.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Theory]
    [InlineData("/api/v1/articles?q=%EF%BF%BE")]
    [InlineData("/api/v1/articles?q=tre%EF%BF%BFem")]
    [InlineData("/api/v1/articles?tag=a%EF%BF%BE")]
    [InlineData("/api/v1/directives?q=a%EF%BF%BE")]
    [InlineData("/api/v1/directives?year=9999")]
    [InlineData("/api/v1/directives?year=1945")]
    public async Task Odd_code_points_and_edge_years_in_queries_never_give_a_500(string url)
    {
        var response = await _app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/directives/by-number/603%EF%BF%BE", "number")]
    [InlineData("/api/v1/document-numbers/parse?number=1%EF%BF%BE", "number")]
    [InlineData("/api/v1/hits/daily?to=9999-12-31", "to")]
    [InlineData("/api/v1/hits/daily?from=9999-12-01&to=9999-12-31", "from")]
    [InlineData("/api/v1/hits/daily?to=0001-01-15", "to")]
    public async Task Values_outside_what_a_parameter_can_hold_are_a_400_naming_it(string url, string parameter)
    {
        await (await _app.Client().GetAsync(url)).ProblemNaming(parameter);
    }

    [Theory]
    [InlineData("{\"title\":\"a\\uFFFEb\"}", "title")]
    [InlineData("{\"title\":\"ok\",\"summary\":\"a\\uFFFFb\"}", "summary")]
    [InlineData("{\"title\":\"ok\",\"author\":\"a\\uFFFF\"}", "author")]
    [InlineData("{\"title\":\"ok\",\"bodyHtml\":\"<p>a\\u0001b</p>\"}", "bodyHtml")]
    [InlineData("{\"title\":\"ok\",\"bodyHtml\":\"<p>a\\uD800b</p>\"}", "bodyHtml")]
    [InlineData("{\"title\":\"\\u200b\\u200b\"}", "title")]
    [InlineData("{\"title\":\"photo\\u202egpj.exe\"}", "title")]
    [InlineData("{\"title\":\"ok\",\"slug\":\"01a22914-6d01-74f1-8131-9f0e3601783f\"}", "slug")]
    public async Task Text_no_portal_can_carry_is_refused_on_write(string json, string field)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.PostAsync("/api/v1/articles", new StringContent(json, Encoding.UTF8, "application/json"))).ProblemNaming(field);
    }

    [Fact]
    public async Task Entities_that_decode_to_forbidden_characters_cannot_break_the_public_feeds()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var article = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Thực thể"), "<p>a&#xFFFF;b&#1;c&#xFFFE;d</p>"));
        Assert.Equal("<p>abcd</p>", article["bodyHtml"]!.GetValue<string>());
        await editor.PublishAsync(article["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _app.Client().GetAsync("/api/v1/feeds/articles.rss")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client().GetAsync("/api/v1/feeds/articles.atom")).StatusCode);
    }

    [Fact]
    public async Task Malformed_or_doubled_multipart_uploads_are_a_400_naming_file()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nxyz\r\n--XyZ--\r\n"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=nope");
        await (await editor.PostAsync("/api/v1/media", broken)).ProblemNaming("file");

        var two = new MultipartFormDataContent
        {
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]), "file", "a.jpg" },
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]), "file", "b.jpg" },
        };
        await (await editor.PostAsync("/api/v1/media", two)).ProblemNaming("file");
    }

    [Fact]
    public async Task Webhooks_are_not_delivered_to_private_addresses_unless_configured()
    {
        using var guarded = new PortalApp().Setting("Webhooks:AllowPrivateNetworks", "false");
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = guarded.Client(PortalApp.AdminKey);
        string[] urls =
        [
            receiver.Url, "http://localhost/hook", "http://2130706433/hook", "http://[::ffff:10.0.0.1]/hook", "http://[fe80::1]/hook",
            "http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/hook", "http://127\u30020\u30020\u30021/hook", "http://\u2460\u2461\u2466.0.0.1/hook",
            "http://198.51.100.1/hook", "http://[2001:db8::1]/hook", "http://[::ffff:0:7f00:1]/hook",
        ];
        foreach (var url in urls)
        {
            var refused = await (await admin.PostJson("/api/v1/webhooks", new { url, events = new[] { "article.published" }, secret = "0123456789abcdef-guard" })).ProblemNaming("url");
            Assert.Contains("Webhooks:AllowPrivateNetworks", refused["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty((await (await admin.GetAsync("/api/v1/webhooks")).Json()).AsArray());

        // A receiver saved before that check (or while private networks were allowed) is still refused at delivery.
        var subscription = await (await admin.PostJson("/api/v1/webhooks", new { url = "https://hooks.example.vn/portal", events = new[] { "article.published" }, secret = "0123456789abcdef-guard" })).Json(HttpStatusCode.Created);
        using (var scope = guarded.Services.CreateScope())
        {
            var id = Guid.Parse(subscription["id"]!.GetValue<string>());
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().WebhookSubscriptions.Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Url, receiver.Url));
        }

        var editor = await guarded.ClientWithRoleAsync("editor");
        await editor.PublishAsync((await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Nội bộ"))))["id"]!.GetValue<string>());
        await guarded.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);
        Assert.Empty(receiver.Requests);
        var log = await (await admin.GetAsync($"/api/v1/webhooks/{subscription["id"]}/deliveries")).Json();
        Assert.Contains("loopback", log[0]!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
