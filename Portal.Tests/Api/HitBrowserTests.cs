using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Counting page views from a browser on another site with the default configuration (no write origins): the
/// preflight passes, and the visitor id travels in the answer and the X-Visitor-Id header, since the cookie cannot.
/// </summary>
public sealed class HitBrowserTests : IDisposable
{
    private const string ReaderSite = "https://tin-tuc.example";

    private readonly PortalApp _app = new();

    [Theory]
    [InlineData("https://tin-tuc.example", "content-type")]
    [InlineData("http://localhost:3000", "content-type,x-visitor-id")]
    [InlineData("https://vinhcuu.dongnai.gov.vn", "x-visitor-id,content-type")]
    public async Task A_preflight_for_a_hit_is_allowed_from_any_origin(string origin, string headers)
    {
        var response = await CorsTests.PreflightAsync(_app, origin, "POST", "/api/v1/hits", headers);
        Assert.Equal("*", CorsTests.AllowedOrigin(response));
        Assert.Contains("POST", CorsTests.Values(response, "Access-Control-Allow-Methods"), StringComparer.OrdinalIgnoreCase);
        var allowedHeaders = CorsTests.Values(response, "Access-Control-Allow-Headers");
        Assert.All(headers.Split(','), h => Assert.Contains(h, allowedHeaders, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_preflight_for_a_hit_with_credentials_headers_is_not_widened()
    {
        var response = await CorsTests.PreflightAsync(_app, ReaderSite, "POST", "/api/v1/hits", "authorization");
        Assert.DoesNotContain("authorization", CorsTests.Values(response, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Two_page_views_from_another_site_are_one_visit_when_the_returned_visitor_id_is_sent_back()
    {
        // A browser on another site: no cookie comes back to the API, only what the page's script sends.
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var before = await (await browser.GetAsync("/api/v1/hits")).Json();

        var first = await PostHitAsync(browser, "/", visitorId: null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("*", CorsTests.AllowedOrigin(first));
        var visitorId = (await first.Json(HttpStatusCode.Accepted))["visitorId"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9_-]{8,64}$", visitorId);

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await PostHitAsync(browser, "/tin-tuc", visitorId);
        Assert.Equal(visitorId, (await second.Json(HttpStatusCode.Accepted))["visitorId"]!.GetValue<string>());

        var after = await (await browser.GetAsync("/api/v1/hits")).Json();
        Assert.Equal(before["today"]!.GetValue<long>() + 1, after["today"]!.GetValue<long>());
        Assert.Equal(before["pageViewsToday"]!.GetValue<long>() + 2, after["pageViewsToday"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_answer_names_the_visitor_id_that_was_sent()
    {
        var response = await PostHitAsync(_app.Client(), "/", "khach-doc-0001");
        Assert.Equal("khach-doc-0001", (await response.Json(HttpStatusCode.Accepted))["visitorId"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> PostHitAsync(HttpClient client, string path, string? visitorId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { path }, options: Http.Options),
        };
        request.Headers.Add("Origin", ReaderSite);
        request.Headers.Add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0");
        if (visitorId is not null)
        {
            request.Headers.Add("X-Visitor-Id", visitorId);
        }

        return await client.SendAsync(request);
    }

    public void Dispose() => _app.Dispose();
}
