using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// What only a real server shows: Portal on Kestrel at 127.0.0.1 on a free port, reached over TCP (not the in-memory
/// test server, which has no peer address and no raw request target).
/// </summary>
public sealed class RealSocketTests
{
    [Fact]
    public async Task X_Forwarded_For_from_a_loopback_peer_is_ignored_when_no_trusted_proxy_is_configured()
    {
        using var app = new PortalApp().Setting("Hits:RateLimit:PermitLimit", "1").Setting("Hits:RateLimit:WindowSeconds", "3600").OnKestrel();
        var client = app.SocketClient();
        Assert.Equal(HttpStatusCode.Accepted, await PostHitAsync(client, "visitor-a", "203.0.113.1"));
        // Another forwarded address does not make another client: the peer (127.0.0.1) is not a trusted proxy.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostHitAsync(client, "visitor-a", "203.0.113.2"));
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_configured_trusted_proxy_is_honoured()
    {
        using var app = new PortalApp().Setting("Hits:RateLimit:PermitLimit", "1").Setting("Hits:RateLimit:WindowSeconds", "3600")
            .Setting("Network:TrustedProxies:0", "127.0.0.1").OnKestrel();
        var client = app.SocketClient();
        Assert.Equal(HttpStatusCode.Accepted, await PostHitAsync(client, "visitor-b", "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Accepted, await PostHitAsync(client, "visitor-b", "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostHitAsync(client, "visitor-b", "203.0.113.2"));
    }

    [Fact]
    public async Task A_number_in_the_path_is_percent_decoded_exactly_once()
    {
        using var app = new PortalApp().OnKestrel();
        var client = app.SocketClient();
        Assert.Equal("127.0.0.1", client.BaseAddress!.Host);
        var plan = await (await client.GetAsync("/api/v1/directives/by-number/211%2FKH-HU")).Json();
        Assert.Equal("211/KH-HU", plan["number"]!.GetValue<string>());

        // %252F is an encoded "%2F": the number "211%2FKH-HU", which no document has — not "211/KH-HU".
        var once = await (await client.GetAsync("/api/v1/directives/by-number/211%252FKH-HU")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("211%2FKH-HU", once["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var twice = await (await client.GetAsync("/api/v1/directives/by-number/211%2525KH-HU")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("211%25KH-HU", twice["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_Authorization_header_is_401_whether_or_not_the_reader_cache_holds_the_page()
    {
        // HttpClient drops an empty header, so the request is written by hand.
        using var app = new PortalApp().OnKestrel();
        var client = app.SocketClient();
        const string url = "/api/v1/articles?pageSize=7";
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithEmptyAuthorizationAsync(app, url));
        await client.GetAsync(url);
        Assert.NotNull((await client.GetAsync(url)).Headers.Age); // cached now

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithEmptyAuthorizationAsync(app, url));
    }

    private static async Task<HttpStatusCode> StatusWithEmptyAuthorizationAsync(PortalApp app, string target) =>
        (HttpStatusCode)(await app.SendRawAsync($"GET {target} HTTP/1.1\r\nHost: {app.Address().Authority}\r\nAuthorization: ")).Status;

    private static async Task<HttpStatusCode> PostHitAsync(HttpClient client, string visitor, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = JsonContent.Create(new { path = "/" }) };
        request.Headers.Add("X-Visitor-Id", visitor);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }
}
