using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// What the list searches accept, found by a hostile trial: the word limit and query strings that are not UTF-8.
/// </summary>
public sealed class SearchInputTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string ElevenWords = "mot hai ba bon nam sau bay tam chin muoi muoimot";

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/directives")]
    public async Task More_than_ten_different_words_is_a_400_naming_q_with_the_limit(string list)
    {
        var problem = await (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ElevenWords)}")).ProblemNaming("q");
        Assert.Contains("10", problem["errors"]!["q"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Ten words, and eleven that fold to fewer than eleven different ones, are searched.
        var ten = string.Join(' ', ElevenWords.Split(' ')[..10]);
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ten)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ten + " MỘT")}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/articles?q=%C3%28", "q")]
    [InlineData("/api/v1/articles?q=%FF", "q")]
    [InlineData("/api/v1/articles?q=tre%20em%C3", "q")]
    [InlineData("/api/v1/articles?page=1&tag=%ED%A0%80", "tag")]
    [InlineData("/api/v1/articles?q=%C0%AF", "q")]
    [InlineData("/api/v1/directives?q=%FF", "q")]
    [InlineData("/api/v1/directives?type=K%C3", "type")]
    [InlineData("/api/v1/directives?issuer=%FE", "issuer")]
    [InlineData("/api/v1/categories?x=%80", "x")]
    [InlineData("/api/v1/hits/daily?from=2026-11-01%FF", "from")]
    [InlineData("/api/v1/document-numbers/parse?number=211%2FKH-HU%FF", "number")]
    [InlineData("/api/v1/articles?%FF=1", "%FF")]
    public async Task A_query_parameter_whose_percent_escapes_are_not_UTF_8_is_a_400_naming_it(string url, string parameter)
    {
        var problem = await (await portal.App.Client().GetAsync(url)).ProblemNaming(parameter);
        Assert.Contains("UTF-8", problem["errors"]![parameter]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/articles?q=%C3%A1")]
    [InlineData("/api/v1/articles?q=50%25")]
    [InlineData("/api/v1/articles?q=50%")]
    [InlineData("/api/v1/articles?q=%EF%BF%BD")]
    [InlineData("/api/v1/articles?q=%F0%9F%98%80+tre")]
    [InlineData("/api/v1/directives?q=%C4%91%E1%BB%93ng")]
    public async Task Well_formed_UTF_8_escapes_are_searched(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_encoding_check_answers_before_the_reader_cache()
    {
        var reader = portal.App.Client();
        // U+FFFD sent as well-formed UTF-8 is what ASP.NET Core decodes %FF to: the same decoded query.
        const string valid = "/api/v1/directives?q=x%EF%BF%BD";
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(valid)).StatusCode);
        var cached = await reader.GetAsync(valid);
        Assert.NotNull(cached.Headers.Age);

        for (var i = 0; i < 2; i++)
        {
            var refused = await reader.GetAsync("/api/v1/directives?q=x%FF");
            Assert.Null(refused.Headers.Age);
            await refused.ProblemNaming("q");
        }
    }
}
