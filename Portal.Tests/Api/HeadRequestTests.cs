using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 §9.3.2): same status and headers, no body; 304 to If-None-Match.
/// Over Kestrel, as the server is what drops the body and decides Content-Length.
/// </summary>
public sealed class HeadRequestTests(HeadRequestTests.KestrelPortal portal) : IClassFixture<HeadRequestTests.KestrelPortal>
{
    /// <summary>One seeded Portal on Kestrel shared by the tests of this class.</summary>
    public sealed class KestrelPortal : IDisposable
    {
        public PortalApp App { get; } = new PortalApp().OnKestrel();

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public void Every_endpoint_that_answers_GET_also_answers_HEAD()
    {
        var endpoints = portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var gets = endpoints.Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true).ToList();
        Assert.True(gets.Count > 20, $"only {gets.Count} GET endpoints found");
        var missing = gets.Where(e => !e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains(HttpMethods.Head))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(missing.Count == 0, "GET without HEAD: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("/api/v1/articles", null)]
    [InlineData("/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em", null)]
    [InlineData("/api/v1/articles/khong-co-bai-nay", null)]
    [InlineData("/api/v1/articles?page=abc", null)]
    [InlineData("/api/v1/directives", null)]
    [InlineData("/api/v1/directives/by-number/211%2FKH-HU", null)]
    [InlineData("/api/v1/categories", null)]
    [InlineData("/api/v1/document-types", null)]
    [InlineData("/api/v1/document-numbers/parse?number=211/KH-HU", null)]
    [InlineData("/api/v1/issuing-bodies", null)]
    [InlineData("/api/v1/settings", null)]
    [InlineData("/api/v1/hits", null)]
    [InlineData("/api/v1/hits/daily?from=2020-01-01&to=2020-01-31", null)]
    [InlineData("/api/v1/feeds/articles.rss", null)]
    [InlineData("/api/v1/feeds/directives.atom", null)]
    [InlineData("/api/v1/sync", PortalApp.AdminKey)]
    [InlineData("/api/v1/api-keys", PortalApp.AdminKey)]
    [InlineData("/api/v1/webhooks", PortalApp.AdminKey)]
    [InlineData("/api/v1/feed-sources", PortalApp.AdminKey)]
    [InlineData("/api/v1/api-keys", null)]
    [InlineData("/health", null)]
    public async Task HEAD_answers_the_status_and_headers_of_GET_without_a_body(string url, string? key)
    {
        var client = portal.App.SocketClient(key);
        var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        // A length the server only learns from the body it sends (problem details, /health) is left out; any other is the GET's.
        if (get.Headers.ETag is not null || head.Content.Headers.ContentLength is not null)
        {
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        }

        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em")]
    [InlineData("/api/v1/articles/khong-co-bai-nay")]
    public async Task No_body_byte_follows_the_headers_of_a_HEAD(string url)
    {
        var raw = await portal.App.SendRawAsync($"HEAD {url} HTTP/1.1\r\nHost: {portal.App.Address().Authority}");
        Assert.Equal(raw.Status, (int)(await portal.App.SocketClient().GetAsync(url)).StatusCode);
        Assert.Equal("", raw.Body);
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/settings")]
    [InlineData("/api/v1/feeds/articles.rss")]
    public async Task HEAD_with_a_matching_If_None_Match_is_304(string url)
    {
        var client = portal.App.SocketClient();
        var etag = (await client.GetAsync(url)).Headers.ETag;
        Assert.NotNull(etag);
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        head.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task A_HEAD_first_never_leaves_an_empty_body_for_a_later_GET()
    {
        var client = portal.App.SocketClient();
        const string url = "/api/v1/articles?pageSize=3&sort=title";
        for (var i = 0; i < 2; i++)
        {
            var head = await portal.App.SendRawAsync($"HEAD {url} HTTP/1.1\r\nHost: {portal.App.Address().Authority}");
            Assert.Equal(200, head.Status);
            Assert.Equal("", head.Body);
            Assert.True(int.Parse(head.Header("Content-Length")!, System.Globalization.CultureInfo.InvariantCulture) > 100, head.Head);
        }

        var get = await client.GetAsync(url);
        var body = await get.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(body);
        Assert.Equal(get.Content.Headers.ContentLength, body.Length);
        Assert.NotNull((await (await client.GetAsync(url)).Json())["items"]);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/hits/daily")]
    [InlineData("POST", "/api/v1/document-types")]
    [InlineData("PUT", "/api/v1/feeds/articles.rss")]
    public async Task Other_methods_on_read_only_routes_are_a_405_problem_that_allows_GET_and_HEAD(string method, string url)
    {
        var response = await portal.App.SocketClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await response.Problem(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("HEAD", response.Content.Headers.Allow);
    }
}
