using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Bad input on the read API always gets a 4xx problem naming the parameter, never a 500.</summary>
public sealed class BadInputTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _client = portal.App.Client();

    [Theory]
    [InlineData("/api/v1/articles?q=tre%00em", "q")]
    [InlineData("/api/v1/articles?q=abc%00", "q")]
    [InlineData("/api/v1/directives?q=tre%00em", "q")]
    [InlineData("/api/v1/directives?field=tre%00em", "field")]
    [InlineData("/api/v1/articles?page=0", "page")]
    [InlineData("/api/v1/articles?page=-1", "page")]
    [InlineData("/api/v1/articles?page=abc", "page")]
    [InlineData("/api/v1/articles?page=99999999999", "page")]
    [InlineData("/api/v1/articles?pageSize=0", "pageSize")]
    [InlineData("/api/v1/articles?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/articles?pageSize=1.5", "pageSize")]
    [InlineData("/api/v1/articles?sort=bogus", "sort")]
    [InlineData("/api/v1/articles?sort=-title,title", "sort")]
    [InlineData("/api/v1/articles?from=yesterday", "from")]
    [InlineData("/api/v1/articles?directive=not-a-guid", "directive")]
    [InlineData("/api/v1/articles?from=2024-06-05T00:00:00Z&to=2024-06-01T00:00:00Z", "to")]
    [InlineData("/api/v1/directives?year=abc", "year")]
    [InlineData("/api/v1/directives?year=99", "year")]
    [InlineData("/api/v1/directives?validity=gone", "validity")]
    [InlineData("/api/v1/directives?validity=1", "validity")]
    [InlineData("/api/v1/directives?pageSize=101", "pageSize")]
    [InlineData("/api/v1/hits/daily?from=2026-13-01", "from")]
    [InlineData("/api/v1/hits/daily?from=2026-11-20&to=2026-11-01", "to")]
    public async Task Malformed_query_values_are_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        var problem = await response.ProblemNaming(parameter);
        Assert.Equal(new Uri(url, UriKind.Relative).OriginalString.Split('?')[0], problem["instance"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/v1/articles/no-such-article")]
    [InlineData("/api/v1/articles/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/directives/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/directives/00000000-0000-0000-0000-000000000000/related")]
    [InlineData("/api/v1/directives/by-number/999/KH-HU")]
    [InlineData("/api/v1/no-such-resource")]
    [InlineData("/nothing/here")]
    public async Task Unknown_resources_and_routes_are_a_404_problem(string url)
    {
        await (await _client.GetAsync(url)).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("211%2FKH-HU")]
    [InlineData("211/KH-HU")]
    [InlineData("211%2fKH-HU")]
    [InlineData("211%20KH%20HU")]
    public async Task A_number_in_the_path_is_decoded_once_and_finds_the_plan(string number)
    {
        var plan = await (await _client.GetAsync($"/api/v1/directives/by-number/{number}")).Json();
        Assert.Equal("211/KH-HU", plan["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_encoded_percent_sign_in_a_number_is_decoded_once()
    {
        var problem = await (await _client.GetAsync("/api/v1/directives/by-number/211%2525KH-HU")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("'211%25KH-HU'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/directives/by-number/211%3CKH-HU")]
    [InlineData("/api/v1/directives/by-number/211%0AKH-HU")]
    [InlineData("/api/v1/directives/by-number/%20%20")]
    public async Task A_number_with_characters_no_number_can_hold_is_a_400_naming_number(string url)
    {
        await (await _client.GetAsync(url)).ProblemNaming("number");
    }

    [Fact]
    public async Task A_page_past_the_end_is_an_empty_200()
    {
        var page = await (await _client.GetAsync("/api/v1/articles?page=500")).Json();
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(500, page["page"]!.GetValue<int>());
    }

    [Fact]
    public async Task Percent_and_underscore_in_q_are_literal()
    {
        var percent = await (await _client.GetAsync("/api/v1/articles?q=%25")).Json();
        var underscore = await (await _client.GetAsync("/api/v1/articles?q=_")).Json();
        var everything = await (await _client.GetAsync("/api/v1/articles")).Json();
        Assert.True(everything["totalItems"]!.GetValue<int>() > 0);
        Assert.Equal(0, percent["totalItems"]!.GetValue<int>());
        Assert.Equal(0, underscore["totalItems"]!.GetValue<int>());
    }
}
