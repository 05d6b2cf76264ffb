using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>CORS as a browser sees it: an editor's page (a configured write origin) and any other site.</summary>
public sealed class CorsTests : IDisposable
{
    private const string EditorPage = "https://vinhcuu.example";
    private const string OtherSite = "https://evil.example";

    private readonly PortalApp _app = new PortalApp().Setting("Cors:WriteOrigins:0", EditorPage);

    [Fact]
    public async Task Anonymous_GETs_are_allowed_from_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settings");
        request.Headers.Add("Origin", "https://anyone.example");
        var response = await _app.Client().SendAsync(request);
        Assert.Equal("*", AllowedOrigin(response));
        Assert.Contains("ETag", Exposed(response), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_editors_page_may_read_with_its_key_and_If_None_Match()
    {
        var response = await PreflightAsync(EditorPage, "GET", $"/api/v1/articles/{Guid.NewGuid()}", "authorization,if-none-match");
        Assert.Equal(EditorPage, AllowedOrigin(response));
        Assert.Contains("GET", Values(response, "Access-Control-Allow-Methods"), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("authorization", Values(response, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("if-none-match", Values(response, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_site_may_not_read_with_a_key()
    {
        var response = await PreflightAsync(OtherSite, "GET", $"/api/v1/articles/{Guid.NewGuid()}", "authorization");
        // Refused as a browser reads it: either no allowed origin, or a list of allowed headers without Authorization.
        Assert.True(
            AllowedOrigin(response) is null || !Values(response, "Access-Control-Allow-Headers").Contains("authorization", StringComparer.OrdinalIgnoreCase),
            "A preflight for GET with Authorization from an unlisted origin must be refused.");
    }

    [Theory]
    [InlineData(EditorPage, "PUT", true)]
    [InlineData(EditorPage, "PATCH", true)]
    [InlineData(EditorPage, "DELETE", true)]
    [InlineData(OtherSite, "PUT", false)]
    [InlineData(OtherSite, "PATCH", false)]
    [InlineData(OtherSite, "DELETE", false)]
    public async Task Writes_are_allowed_only_from_configured_origins(string origin, string method, bool allowed)
    {
        var response = await PreflightAsync(origin, method, $"/api/v1/articles/{Guid.NewGuid()}", "authorization,content-type,if-match");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(allowed, AllowedOrigin(response) == origin
            && Values(response, "Access-Control-Allow-Methods").Contains(method, StringComparer.OrdinalIgnoreCase)
            && Values(response, "Access-Control-Allow-Headers").Contains("if-match", StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_read_with_a_key_from_an_editors_page_names_that_origin_and_exposes_the_ETag()
    {
        var editor = _app.Client(PortalApp.AdminKey);
        var created = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("CORS nháp")));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{created["id"]}");
        request.Headers.Add("Origin", EditorPage);
        var response = await editor.SendAsync(request);
        await response.Json();
        Assert.Equal(EditorPage, AllowedOrigin(response));
        Assert.Contains("Origin", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("ETag", Exposed(response), StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_create_from_an_editors_page_exposes_Location()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Editing.Article(Editing.Unique("CORS tạo")), options: Http.Options),
        };
        request.Headers.Add("Origin", EditorPage);
        var response = await _app.Client(PortalApp.AdminKey).SendAsync(request);
        await response.Json(HttpStatusCode.Created);
        Assert.Equal(EditorPage, AllowedOrigin(response));
        Assert.Contains("Location", Exposed(response), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", Exposed(response), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "/api/v1/articles/khong-co-bai-nay")]      // 404 problem
    [InlineData("DELETE", "/api/v1/settings")]                    // 405 problem
    [InlineData("GET", "/api/v1/khong-co")]                       // no route
    [InlineData("GET", "/health")]
    [InlineData("GET", "/swagger/v1/swagger.json")]
    public async Task Every_answer_to_another_site_carries_Access_Control_Allow_Origin(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", OtherSite);
        var response = await _app.Client().SendAsync(request);
        Assert.Equal("*", AllowedOrigin(response));
    }

    internal static async Task<HttpResponseMessage> PreflightAsync(PortalApp app, string origin, string method, string path, string headers)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", headers);
        return await app.Client().SendAsync(preflight);
    }

    internal static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    internal static string[] Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : [];

    private static string[] Exposed(HttpResponseMessage response) => Values(response, "Access-Control-Expose-Headers");

    private Task<HttpResponseMessage> PreflightAsync(string origin, string method, string path, string headers) =>
        PreflightAsync(_app, origin, method, path, headers);

    public void Dispose() => _app.Dispose();
}
