using System.Net;
using System.Net.Http.Headers;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Every GET carries a strong ETag and honours If-None-Match; caching headers depend on credentials.</summary>
public sealed class CachingTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _client = portal.App.Client();

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em")]
    [InlineData("/api/v1/directives")]
    [InlineData("/api/v1/directives/by-number/211%2FKH-HU")]
    [InlineData("/api/v1/settings")]
    [InlineData("/api/v1/hits/daily?from=2020-01-01&to=2020-01-31")]
    public async Task A_GET_has_a_strong_ETag_and_answers_304_to_If_None_Match(string url)
    {
        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Contains("Authorization", first.Headers.Vary);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_request_with_credentials_is_never_stored_by_caches()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything");
        var response = await _client.SendAsync(request);
        Assert.Equal("private, no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Different_representations_have_different_ETags()
    {
        var a = await _client.GetAsync("/api/v1/articles?pageSize=1");
        var b = await _client.GetAsync("/api/v1/articles?pageSize=2");
        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
    }
}
