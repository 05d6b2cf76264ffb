using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>The editor app's build served at /admin (Features/Admin), from a small stand-in build made per test class.</summary>
public sealed class AdminAppTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("portal-admin-").FullName;
    private readonly PortalApp _app;

    public AdminAppTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><title>Quản trị</title><div id=\"root\"></div>");
        File.WriteAllText(Path.Combine(_root, "assets", "index-abc123.js"), "console.log('app');");
        File.WriteAllText(Path.Combine(_root, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        _app = new PortalApp().Setting("Admin:Root", _root);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/")]
    [InlineData("/admin/articles/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/admin/settings")]
    public async Task Index_and_the_apps_own_routes_answer_the_index_page_revalidated(string path)
    {
        var response = await _app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Quản trị", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Fingerprinted_assets_are_served_with_their_type_and_cached_for_a_year()
    {
        var response = await _app.Client().GetAsync("/admin/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Other_files_of_the_build_are_revalidated()
    {
        var response = await _app.Client().GetAsync("/admin/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/admin/assets/missing-123.js")]
    [InlineData("/admin/..%2F..%2Fetc%2Fpasswd.txt")]
    [InlineData("/admin/assets/../../secret.txt")]
    public async Task A_missing_file_is_a_404_problem_not_the_index(string path)
    {
        var response = await _app.Client().GetAsync(path);
        await response.Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_is_not_shadowed()
    {
        var settings = await _app.Client().GetAsync("/api/v1/settings");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal("application/json", settings.Content.Headers.ContentType?.MediaType);
        await (await _app.Client().GetAsync("/api/v1/articles/no-such-article-here")).Problem(HttpStatusCode.NotFound);
        await (await _app.Client().GetAsync("/api/v1/admin")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_build_admin_is_a_404_problem_saying_how_to_build_it()
    {
        using var app = new PortalApp().Setting("Admin:Root", Path.Combine(_root, "no-build-here"));
        var problem = await (await app.Client().GetAsync("/admin/")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("make admin", problem["detail"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
