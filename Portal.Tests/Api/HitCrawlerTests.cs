using System.Net;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Crawlers (the npm crawler-user-agents list) are not counted; browsers are.</summary>
public sealed class HitCrawlerTests : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private readonly PortalApp _app = new();

    private async Task<long> PageViewsAsync() =>
        (await (await _app.Client().GetAsync("/api/v1/hits")).Json())["pageViewsToday"]!.GetValue<long>();

    private async Task<HttpResponseMessage> PostAsAsync(string userAgent)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return await client.PostJson("/api/v1/hits", new { path = "/" });
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)")]
    [InlineData("curl/8.5.0")]
    public async Task A_crawler_is_accepted_but_not_counted(string userAgent)
    {
        var before = await PageViewsAsync();
        var response = await PostAsAsync(userAgent);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await PageViewsAsync());
    }

    [Theory]
    [InlineData(Chrome)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/134.0.196 Chrome/128.0.6613.196 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Zalo iOS/1.0")]
    public async Task A_browser_is_counted(string userAgent)
    {
        var before = await PageViewsAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsAsync(userAgent)).StatusCode);
        Assert.Equal(before + 1, await PageViewsAsync());
    }

    [Fact]
    public void Every_sample_user_agent_in_the_list_is_recognised_as_a_crawler()
    {
        using var stream = CrawlerDetector.OpenEmbeddedList();
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var samples = document.RootElement.EnumerateArray()
            .SelectMany(e => e.TryGetProperty("instances", out var i) ? i.EnumerateArray().Select(s => s.GetString()!) : [])
            .ToList();
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.True(CrawlerDetector.Embedded.IsCrawler(s), s));
        Assert.True(CrawlerDetector.Embedded.PatternCount > 1000);
    }

    [Fact]
    public void A_request_without_a_user_agent_is_not_taken_for_a_crawler()
    {
        Assert.False(CrawlerDetector.Embedded.IsCrawler(null));
        Assert.False(CrawlerDetector.Embedded.IsCrawler(""));
    }

    public void Dispose() => _app.Dispose();
}
