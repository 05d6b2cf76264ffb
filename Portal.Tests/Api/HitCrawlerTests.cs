using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Crawlers (the npm crawler-user-agents list) are not counted; browsers are, by a rule that depends on the User-Agent
/// alone — never on how long the match took.
/// </summary>
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

    /// <summary>
    /// A pattern on which a backtracking engine stalls (exponential in the run of x's) and a browser User-Agent that sets
    /// it off without matching it: what a loaded machine did to the old matcher's 100 ms timeout, made certain.
    /// </summary>
    private const string StallingPattern = "(x+x+)+y";

    private static readonly string StallingBrowser = Chrome + " " + new string('x', 40);

    /// <summary>The embedded list and <see cref="StallingPattern"/> (alone, the backtracking engine's search optimisations reject it at once).</summary>
    private static List<string> WithStallingPattern()
    {
        using var list = CrawlerDetector.OpenEmbeddedList();
        return [.. CrawlerDetector.ReadPatterns(list), StallingPattern];
    }

    [Fact]
    public void Every_pattern_of_the_list_compiles_on_the_non_backtracking_engine()
    {
        using var stream = CrawlerDetector.OpenEmbeddedList();
        var patterns = CrawlerDetector.ReadPatterns(stream);
        Assert.All(patterns, p => Assert.NotNull(new Regex(p, CrawlerDetector.Options, Regex.InfiniteMatchTimeout)));
        Assert.True((CrawlerDetector.Options & RegexOptions.NonBacktracking) != 0);
    }

    [Fact]
    public void The_combined_expression_runs_without_a_timeout_on_the_non_backtracking_engine()
    {
        var expressions = CrawlerDetector.Embedded.Expressions;
        Assert.NotNull(expressions);
        Assert.Equal(Regex.InfiniteMatchTimeout, expressions.MatchTimeout);
        Assert.True((expressions.Options & RegexOptions.NonBacktracking) != 0);
    }

    [Fact]
    public void A_user_agent_a_backtracking_matcher_stalls_on_is_decided_by_the_patterns_alone()
    {
        var detector = new CrawlerDetector(WithStallingPattern());
        Assert.False(detector.IsCrawler(StallingBrowser));
        Assert.True(detector.IsCrawler(StallingBrowser + "y"));
        Assert.True(detector.IsCrawler("Mozilla/5.0 (compatible; Googlebot/2.1)"));
        Assert.False(new CrawlerDetector([]).IsCrawler(Chrome));
    }

    [Fact]
    public async Task A_browser_hit_answered_202_is_counted_however_long_the_crawler_match_takes()
    {
        var patterns = WithStallingPattern();
        using var stalling = _app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<CrawlerDetector>();
            s.AddSingleton(new CrawlerDetector(patterns));
        }));
        var client = stalling.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", StallingBrowser);
        var before = (await (await client.GetAsync("/api/v1/hits")).Json())["pageViewsToday"]!.GetValue<long>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        }

        Assert.Equal(before + 3, (await (await client.GetAsync("/api/v1/hits")).Json())["pageViewsToday"]!.GetValue<long>());
    }

    public void Dispose() => _app.Dispose();
}
