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
    [InlineData("/api/v1/feeds/articles.rss")]
    [InlineData("/api/v1/feeds/articles.atom?category=tin-tuc-su-kien")]
    [InlineData("/api/v1/feeds/categories/tin-tuc-su-kien.rss")]
    [InlineData("/api/v1/feeds/directives.rss")]
    [InlineData("/api/v1/feeds/directives.atom")]
    public async Task A_GET_has_a_strong_ETag_and_answers_304_to_If_None_Match(string url)
    {
        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl is { Public: true, Private: false, NoStore: false } cc && cc.MaxAge == TimeSpan.FromSeconds(60), $"Cache-Control: {first.Headers.CacheControl}");
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

    [Theory]
    [InlineData("/api/v1/settings")]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em")]
    public async Task A_response_to_a_request_with_credentials_is_never_stored_by_shared_caches(string url)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var response = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("Authorization", response.Headers.Vary);
    }

    [Fact]
    public async Task An_unknown_key_is_401_even_on_an_anonymous_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        var response = await _client.SendAsync(request);
        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Different_representations_have_different_ETags()
    {
        var a = await _client.GetAsync("/api/v1/articles?pageSize=1");
        var b = await _client.GetAsync("/api/v1/articles?pageSize=2");
        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
    }
}
