using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class HitTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Fact]
    public async Task A_posted_visit_shows_in_the_counter()
    {
        var client = _app.Client();
        var before = await (await client.GetAsync("/api/v1/hits")).Json();
        var response = await client.PostJson("/api/v1/hits", new { path = "/" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var after = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal("2026-11-29", after["date"]!.GetValue<string>());
        Assert.Equal(before["today"]!.GetValue<long>() + 1, after["today"]!.GetValue<long>());
        Assert.Equal(before["total"]!.GetValue<long>() + 1, after["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_same_visitor_within_30_minutes_is_one_visit_but_two_page_views()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", "visitor-0001");
        await client.PostJson("/api/v1/hits", new { path = "/" });
        _app.Clock.Advance(TimeSpan.FromMinutes(29));
        await client.PostJson("/api/v1/hits", new { path = "/tin-tuc" });
        var counter = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal(1, counter["today"]!.GetValue<long>());
        Assert.Equal(2, counter["pageViewsToday"]!.GetValue<long>());
        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await client.PostJson("/api/v1/hits", new { path = "/" });
        counter = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal(2, counter["today"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{}", "path")]
    [InlineData("{\"path\":\"no-slash\"}", "path")]
    [InlineData("{\"path\":\"/\",\"articleId\":\"nope\"}", "articleId")]
    [InlineData("{\"path\":", "path")]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    public async Task Bad_hit_bodies_are_a_400_naming_the_field(string json, string field)
    {
        var response = await _app.Client().PostAsync("/api/v1/hits", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ProblemNaming(field);
    }

    public void Dispose() => _app.Dispose();
}
