using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class CorsTests : IDisposable
{
    private readonly PortalApp _app = new PortalApp().Setting("Cors:WriteOrigins:0", "https://vinhcuu.example");

    [Fact]
    public async Task Anonymous_GETs_are_allowed_from_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settings");
        request.Headers.Add("Origin", "https://anyone.example");
        var response = await _app.Client().SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("https://vinhcuu.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task Writes_are_allowed_only_from_configured_origins(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/hits");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await _app.Client().SendAsync(preflight);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
