using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// JSON request bodies that bind to no command: a member the operation does not define (openapi.json:
/// additionalProperties false) — a typo, a server-owned field, a nested extra — is a 400 problem naming the member,
/// with a message that says what is wrong; nothing is written.
/// </summary>
public sealed class RequestBodyTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string Some = Guid.NewGuid().ToString();

    [Theory]
    [InlineData("POST", "/api/v1/articles", """{"title":"Bài","tittle":"typo"}""", "tittle")]
    [InlineData("POST", "/api/v1/articles", """{"title":"Bài","status":"published"}""", "status")]
    [InlineData("POST", "/api/v1/articles", """{"title":"Bài","coverImage":{"fileName":"a.jpg","width":3}}""", "coverImage.width")]
    [InlineData("PUT", "/api/v1/articles/{id}", """{"title":"Bài","viewCount":1000}""", "viewCount")]
    [InlineData("POST", "/api/v1/articles/{id}/publish", """{"publishAt":null,"when":"now"}""", "when")]
    [InlineData("POST", "/api/v1/directives", """{"number":"1/KH-UBND","typeCode":"KH","issuer":"x"}""", "issuer")]
    [InlineData("PUT", "/api/v1/directives/{id}", """{"number":"1/KH-UBND","id":"x"}""", "id")]
    [InlineData("POST", "/api/v1/directives/{id}/publish", """{"publish":true}""", "publish")]
    [InlineData("POST", "/api/v1/directives/{id}/relations", """{"kind":"implements","targetId":null,"note":"x"}""", "note")]
    [InlineData("POST", "/api/v1/categories", """{"name":"Tin","parentId":null}""", "parentId")]
    [InlineData("PUT", "/api/v1/categories/{id}", """{"name":"Tin","order":1}""", "order")]
    [InlineData("POST", "/api/v1/issuing-bodies", """{"name":"UBND","kind":"x"}""", "kind")]
    [InlineData("PUT", "/api/v1/issuing-bodies/{id}", """{"name":"UBND","kind":"x"}""", "kind")]
    [InlineData("POST", "/api/v1/api-keys", """{"name":"k","role":"editor","expires":"2030-01-01"}""", "expires")]
    [InlineData("POST", "/api/v1/feed-sources", """{"name":"f","url":"https://example.org/rss","interval":5}""", "interval")]
    [InlineData("PUT", "/api/v1/feed-sources/{id}", """{"name":"f","url":"https://example.org/rss","interval":5}""", "interval")]
    [InlineData("POST", "/api/v1/webhooks", """{"url":"https://example.org/h","events":[],"secret":"0123456789abcdef","active":true}""", "active")]
    [InlineData("PUT", "/api/v1/settings", """{"siteName":"x","favicon":"x"}""", "favicon")]
    [InlineData("PUT", "/api/v1/settings", """{"siteName":"x","updatedAt":"2000-01-01T00:00:00Z"}""", "updatedAt")]
    [InlineData("POST", "/api/v1/hits", """{"path":"/","referrer":"https://example.org/"}""", "referrer")]
    public async Task A_member_the_body_does_not_define_is_a_400_naming_it(string method, string url, string json, string member)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", Some, StringComparison.Ordinal))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"r1-x\""));
        var problem = await (await portal.App.Client(PortalApp.AdminKey).SendAsync(request)).ProblemNaming(member);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains($"'{member}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_body_writes_nothing()
    {
        var editor = portal.App.Client(PortalApp.AdminKey);
        var title = Editing.Unique("Không được tạo");
        await (await editor.PostAsync("/api/v1/articles", new StringContent($$"""{"title":"{{title}}","slugg":"x"}""", Encoding.UTF8, "application/json"))).ProblemNaming("slugg");
        var list = await (await editor.GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(title)}")).Json();
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Members_differing_only_in_case_still_bind()
    {
        var editor = portal.App.Client(PortalApp.AdminKey);
        var created = await editor.PostAsync("/api/v1/articles", new StringContent($$"""{"Title":"{{Editing.Unique("Chữ hoa")}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_still_called_so()
    {
        var response = await portal.App.Client(PortalApp.AdminKey).PostAsync("/api/v1/articles", new StringContent("""{"title":5}""", Encoding.UTF8, "application/json"));
        var problem = await response.ProblemNaming("title");
        Assert.Contains("wrong JSON type", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
