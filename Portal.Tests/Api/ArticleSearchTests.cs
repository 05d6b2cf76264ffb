using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Search ignores case and tone marks, đ included, and treats LIKE wildcards literally.</summary>
public sealed class ArticleSearchTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string SeededSlug = "tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em";

    [Theory]
    [InlineData("tre em")]
    [InlineData("bo chinh tri")]
    [InlineData("HUYỆN ỦY")]
    [InlineData("huyện uỷ")]
    [InlineData("Trẻ Em")]
    [InlineData("phon vinh hanh phuc")]
    [InlineData("28-CT/TW")]
    public async Task Typed_without_tones_or_in_any_case_the_query_finds_the_seeded_article(string q)
    {
        var page = await (await portal.App.Client().GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(q)}")).Json();
        Assert.Contains(page["items"]!.AsArray(), a => a!["slug"]!.GetValue<string>() == SeededSlug);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("tre%em")]
    [InlineData("khong co tu nay")]
    public async Task Wildcards_are_literal_and_absent_words_find_nothing(string q)
    {
        var page = await (await portal.App.Client().GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(q)}")).Json();
        Assert.Equal(0, page["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Title_matches_rank_before_body_matches()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var word = "xyz" + Guid.NewGuid().ToString("N")[..8];
        var inBody = await editor.CreateArticleAsync(Editing.Article("Tin thường", $"<p>Có từ {word} trong thân bài.</p>"));
        var inTitle = await editor.CreateArticleAsync(Editing.Article($"Tin về {word}"));
        await editor.PublishAsync(inBody["id"]!.GetValue<string>(), portal.App.Clock.GetUtcNow().AddMinutes(-1));
        await editor.PublishAsync(inTitle["id"]!.GetValue<string>(), portal.App.Clock.GetUtcNow().AddMinutes(-2));
        var page = await (await portal.App.Client().GetAsync($"/api/v1/articles?q={word}")).Json();
        var ids = page["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal([inTitle["id"]!.GetValue<string>(), inBody["id"]!.GetValue<string>()], ids);
    }

    [Fact]
    public async Task Lists_filter_by_category_tag_period_and_directive()
    {
        var client = portal.App.Client();
        var plan = await (await client.GetAsync("/api/v1/directives/by-number/211%2FKH-HU")).Json();
        foreach (var url in new[]
        {
            "/api/v1/articles?category=tin-tuc-su-kien",
            "/api/v1/articles?tag=tre-em",
            "/api/v1/articles?tag=Trẻ%20em",
            "/api/v1/articles?from=2024-06-04T00:00:00%2B07:00&to=2024-06-05T00:00:00%2B07:00",
            $"/api/v1/articles?directive={plan["id"]}",
        })
        {
            var page = await (await client.GetAsync(url)).Json();
            Assert.Contains(page["items"]!.AsArray(), a => a!["slug"]!.GetValue<string>() == SeededSlug);
        }

        var outside = await (await client.GetAsync("/api/v1/articles?from=2024-06-05T00:00:00%2B07:00&to=2024-06-06T00:00:00%2B07:00")).Json();
        Assert.DoesNotContain(outside["items"]!.AsArray(), a => a!["slug"]!.GetValue<string>() == SeededSlug);
    }

    [Fact]
    public async Task Paging_with_ties_never_repeats_or_skips_an_item()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var tag = "trang-" + Guid.NewGuid().ToString("N")[..8];
        var at = portal.App.Clock.GetUtcNow().AddDays(-3);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var a = await editor.CreateArticleAsync(new { title = Editing.Unique("Cùng giờ"), tags = new[] { tag } });
            await editor.PublishAsync(a["id"]!.GetValue<string>(), at);
            created.Add(a["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var json = await (await portal.App.Client().GetAsync($"/api/v1/articles?tag={tag}&pageSize=2&page={page}")).Json();
            Assert.Equal(7, json["totalItems"]!.GetValue<int>());
            Assert.Equal(4, json["totalPages"]!.GetValue<int>());
            seen.AddRange(json["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        }

        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
