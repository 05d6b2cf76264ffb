using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>Articles that cite a directive's number are linked to it, also when the directive comes later.</summary>
public sealed class DirectivesArticleTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _anonymous = portal.App.Client();

    [Fact]
    public async Task The_Politburo_directive_lists_the_seeded_article_that_cites_it()
    {
        var directive = await (await _anonymous.GetAsync("/api/v1/directives/by-number/28-CT%2FTW")).Json();
        var articles = await (await _anonymous.GetAsync($"/api/v1/directives/{directive["id"]}/articles")).Json();
        Assert.Contains(articles["items"]!.AsArray(), a => a!["slug"]!.GetValue<string>() == "tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em");
        Assert.Equal(1, articles["page"]!.GetValue<int>());
        await (await _anonymous.GetAsync($"/api/v1/directives/{directive["id"]}/articles?pageSize=0")).ProblemNaming("pageSize");
    }

    [Fact]
    public async Task A_directive_created_after_an_article_cites_it_is_linked_to_the_article()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var number = $"{NextNumber()}/QĐ-UBND";
        var published = await ArticleAsync(editor, $"Thực hiện Quyết định số {number} của UBND huyện", publish: true);
        var draft = await ArticleAsync(editor, $"Bản nháp nhắc đến Quyết định số {number}", publish: false);

        var directive = await PublishedAsync(editor, new DirectiveBody(number, "QĐ", issuer));
        var url = $"/api/v1/directives/{directive["id"]}/articles";
        var seenByReaders = await (await _anonymous.GetAsync(url)).Json();
        Assert.Equal(published, Assert.Single(seenByReaders["items"]!.AsArray())!["id"]!.GetValue<string>());
        var seenByEditors = await (await editor.GetAsync(url)).Json();
        Assert.Equal(new[] { draft, published }.Order(StringComparer.Ordinal), seenByEditors["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var article = await (await _anonymous.GetAsync($"/api/v1/articles/{published}")).Json();
        Assert.Equal(number, Assert.Single(article["directives"]!.AsArray())!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_a_directives_number_moves_the_articles_that_cite_the_old_one_away()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var (oldNumber, newNumber) = ($"{NextNumber()}/KH-UBND", $"{NextNumber()}/KH-UBND");
        var citing = await ArticleAsync(editor, $"Kế hoạch số {oldNumber} đã được ban hành", publish: true);
        var directive = await PublishedAsync(editor, new DirectiveBody(oldNumber, "KH", issuer));
        var url = $"/api/v1/directives/{directive["id"]}/articles";
        Assert.Single((await (await _anonymous.GetAsync(url)).Json())["items"]!.AsArray());

        await (await editor.PutAsJsonAsync($"/api/v1/directives/{directive["id"]}", new DirectiveBody(newNumber, "KH", issuer), Http.Options)).Json();
        Assert.Empty((await (await _anonymous.GetAsync(url)).Json())["items"]!.AsArray());

        // A directive that takes the old number picks the citation up.
        var successor = await PublishedAsync(editor, new DirectiveBody(oldNumber, "KH", issuer));
        var picked = await (await _anonymous.GetAsync($"/api/v1/directives/{successor["id"]}/articles")).Json();
        Assert.Equal(citing, Assert.Single(picked["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    private static async Task<string> ArticleAsync(HttpClient editor, string sentence, bool publish)
    {
        var created = await (await editor.PostJson("/api/v1/articles", new { title = $"Tin {Token()}", bodyHtml = $"<p>{sentence}.</p>" })).Json(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        if (publish)
        {
            await (await editor.PostJson($"/api/v1/articles/{id}/publish", new JsonObject())).Json();
        }

        return id;
    }
}
