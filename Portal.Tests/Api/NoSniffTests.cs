using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Every response Portal writes carries X-Content-Type-Options: nosniff, errors and documentation included.</summary>
public sealed class NoSniffTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Theory]
    [InlineData("GET", "/api/v1/settings")]                       // JSON
    [InlineData("HEAD", "/api/v1/settings")]
    [InlineData("GET", "/api/v1/articles/khong-co-bai-nay")]      // 404 problem
    [InlineData("GET", "/api/v1/khong-co")]                       // no route at all
    [InlineData("DELETE", "/api/v1/settings")]                    // 405 problem
    [InlineData("PUT", "/api/v1/settings")]                       // 401 problem
    [InlineData("GET", "/api/v1/articles?page=0")]                // 400 problem
    [InlineData("GET", "/api/v1/feeds/articles.rss")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/swagger/v1/swagger.json")]
    [InlineData("GET", "/swagger/index.html")]
    [InlineData("GET", "/swagger/swagger-ui.css")]                // a static file
    public async Task Every_response_carries_nosniff(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await _app.Client().SendAsync(request);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{(int)response.StatusCode} {path} has no X-Content-Type-Options");
        Assert.Equal("nosniff", values.Single());
    }

    [Fact]
    public async Task A_304_carries_nosniff_too()
    {
        var client = _app.Client();
        var first = await client.GetAsync("/api/v1/settings");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settings");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await client.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    public void Dispose() => _app.Dispose();
}
