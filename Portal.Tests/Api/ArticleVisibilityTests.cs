using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Anonymous callers never see drafts, scheduled, archived or deleted articles on any route.</summary>
public sealed class ArticleVisibilityTests : IDisposable
{
    private readonly PortalApp _app = new();

    public static TheoryData<string> HiddenStates => new() { "draft", "scheduled", "archived", "deleted" };

    [Theory]
    [MemberData(nameof(HiddenStates))]
    public async Task A_hidden_article_is_invisible_on_every_anonymous_route(string state)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var marker = $"zqx{Guid.NewGuid():N}";
        var article = await editor.CreateArticleAsync(Editing.Article($"Tin ẩn {marker}", $"<p>Chỉ thị số 28-CT/TW {marker}</p>"));
        var id = article["id"]!.GetValue<string>();
        var slug = article["slug"]!.GetValue<string>();
        await MakeStateAsync(editor, id, state);
        var anonymous = _app.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/articles/{slug}")).StatusCode);
        foreach (var list in new[] { $"/api/v1/articles?q={marker}", "/api/v1/articles?tag=tre-em&pageSize=100", "/api/v1/articles?pageSize=100" })
        {
            var page = await (await anonymous.GetAsync(list)).Json();
            Assert.DoesNotContain(page["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        }

        var search = await (await anonymous.GetAsync($"/api/v1/articles?q={marker}")).Json();
        Assert.Equal(0, search["totalItems"]!.GetValue<int>());
        var directive = await (await anonymous.GetAsync("/api/v1/directives/by-number/28-CT%2FTW")).Json();
        var mentioning = await (await anonymous.GetAsync($"/api/v1/articles?directive={directive["id"]}&pageSize=100")).Json();
        Assert.DoesNotContain(mentioning["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
    }

    [Theory]
    [MemberData(nameof(HiddenStates))]
    public async Task Editors_see_hidden_articles_except_deleted_ones(string state)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var article = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Tin biên tập")));
        var id = article["id"]!.GetValue<string>();
        await MakeStateAsync(editor, id, state);
        var response = await editor.GetAsync($"/api/v1/articles/{id}");
        if (state == "deleted")
        {
            await response.Problem(HttpStatusCode.NotFound);
        }
        else
        {
            Assert.Equal(state, (await response.Json())["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_scheduled_article_appears_exactly_when_the_clock_passes_its_instant()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var article = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Tin hẹn giờ")));
        var id = article["id"]!.GetValue<string>();
        var at = _app.Clock.GetUtcNow().AddHours(2);
        var scheduled = await editor.PublishAsync(id, at);
        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());

        var anonymous = _app.Client();
        _app.Clock.SetUtcNow(at.AddTicks(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/articles/{id}")).StatusCode);
        _app.Clock.SetUtcNow(at);
        var visible = await (await anonymous.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal("published", visible["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_status_filter_needs_an_editor_key_and_filters_by_state()
    {
        await (await _app.Client().GetAsync("/api/v1/articles?status=draft")).Problem(HttpStatusCode.Unauthorized);
        var editor = await _app.ClientWithRoleAsync("editor");
        var draft = await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Bản nháp")));
        var drafts = await (await editor.GetAsync("/api/v1/articles?status=draft&pageSize=100")).Json();
        Assert.Contains(drafts["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == draft["id"]!.GetValue<string>());
        Assert.All(drafts["items"]!.AsArray(), i => Assert.Equal("draft", i!["status"]!.GetValue<string>()));
        await (await editor.GetAsync("/api/v1/articles?status=bogus")).ProblemNaming("status");
    }

    private async Task MakeStateAsync(HttpClient editor, string id, string state)
    {
        var response = state switch
        {
            "draft" => null,
            "scheduled" => await editor.PostJson($"/api/v1/articles/{id}/publish", new { publishAt = _app.Clock.GetUtcNow().AddDays(1) }),
            "archived" => await editor.PostAsync($"/api/v1/articles/{id}/archive", null),
            _ => await editor.DeleteAsync($"/api/v1/articles/{id}"),
        };
        Assert.True(response is null || response.IsSuccessStatusCode, $"{state}: {(response is null ? "" : await response.Content.ReadAsStringAsync())}");
    }

    public void Dispose() => _app.Dispose();
}
