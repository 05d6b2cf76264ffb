using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// JSON request bodies that bind to no command: a member the operation does not define (openapi.json:
/// additionalProperties false) — a typo, a server-owned field, a nested extra — and text that is not Unicode are each a
/// 400 problem naming the member, with a message that says what is wrong; nothing is written.
/// </summary>
public sealed class RequestBodyTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string Some = Guid.NewGuid().ToString();
    private const string SettingsMergePatchType = "application/merge-patch+json";

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

    [Theory]
    [InlineData("/api/v1/articles", """{"title":"ok","bodyHtml":"<p>a\ud800b</p>"}""", "bodyHtml")]
    [InlineData("/api/v1/articles", """{"title":"\udc00"}""", "title")]
    [InlineData("/api/v1/articles", """{"title":"ok","tags":["a","b\ud83d"]}""", "tags[1]")]
    [InlineData("/api/v1/articles", """{"title":"ok","coverImage":{"fileName":"a.jpg","caption":"\ud800\ud800"}}""", "coverImage.caption")]
    [InlineData("/api/v1/directives", """{"number":"1/KH-UBND","abstract":"x\ud800"}""", "abstract")]
    [InlineData("/api/v1/categories", """{"name":"\udfff"}""", "name")]
    [InlineData("/api/v1/hits", """{"path":"/\ud800"}""", "path")]
    public async Task An_escaped_unpaired_surrogate_is_a_400_saying_the_text_is_not_Unicode(string url, string json, string field)
    {
        var response = await portal.App.Client(PortalApp.AdminKey).PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.ProblemNaming(field);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("not valid Unicode", detail, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong JSON type", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_a_400_saying_the_text_is_not_Unicode()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"title":"ok","summary":"a__b"}""");
        var at = Array.IndexOf(bytes, (byte)'_');
        bytes[at] = 0xC3; // a lead byte followed by '_' (not a continuation byte)
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var problem = await (await portal.App.Client(PortalApp.AdminKey).PostAsync("/api/v1/articles", content)).ProblemNaming("summary");
        Assert.Contains("not valid Unicode", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"ok","\ud800":1}""")]
    [InlineData("""{"title":"ok","a\udc00b":{"c":[1]}}""")]
    public async Task A_member_whose_name_is_not_Unicode_is_a_400(string json)
    {
        var response = await portal.App.Client(PortalApp.AdminKey).PostAsync("/api/v1/articles", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("not valid Unicode", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A member given twice is ambiguous (RFC 8259 §4; parsers differ on which wins): a 400 naming it, on every JSON body.</summary>
    [Theory]
    [InlineData("POST", "/api/v1/articles", """{"title":"a","title":"b"}""", "title")]
    [InlineData("POST", "/api/v1/articles", """{"title":"a","Title":"b"}""", "title")]
    [InlineData("POST", "/api/v1/articles", """{"title":"a","coverImage":{"caption":"x","caption":"y"}}""", "coverImage.caption")]
    [InlineData("POST", "/api/v1/categories", """{"name":"Tin","name":"Tin 2"}""", "name")]
    [InlineData("POST", "/api/v1/feed-sources", """{"name":"f","url":"https://example.org/rss","url":"https://example.org/b"}""", "url")]
    [InlineData("POST", "/api/v1/webhooks", """{"url":"https://example.org/h","events":[],"secret":"0123456789abcdef","secret":"fedcba9876543210"}""", "secret")]
    [InlineData("PUT", "/api/v1/settings", """{"siteName":"x","siteName":"y"}""", "siteName")]
    [InlineData("POST", "/api/v1/hits", """{"path":"/","path":"/b"}""", "path")]
    public async Task A_member_given_twice_is_a_400_naming_it(string method, string url, string json, string member)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"r1-x\""));
        var problem = await (await portal.App.Client(PortalApp.AdminKey).SendAsync(request)).ProblemNaming(member);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains($"'{member}'", detail, StringComparison.Ordinal);
        Assert.Contains("more than once", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    /// <summary>A value of the wrong JSON type is named by its path and described in JSON terms, never by the .NET type it would bind to.</summary>
    [Theory]
    [InlineData("POST", "/api/v1/articles", """{"title":5}""", "title", "must be a string")]
    [InlineData("POST", "/api/v1/articles", """{"title":"ok","tags":"x"}""", "tags", "must be an array")]
    [InlineData("POST", "/api/v1/articles", """{"title":"ok","tags":[1]}""", "tags[0]", "must be a string")]
    [InlineData("POST", "/api/v1/articles", """{"title":"ok","coverImage":[]}""", "coverImage", "must be an object")]
    [InlineData("POST", "/api/v1/articles", """{"title":"ok","coverImage":{"mediaId":7}}""", "coverImage.mediaId", "must be a string holding a UUID")]
    [InlineData("POST", "/api/v1/articles", "[]", "body", "must be an object")]
    [InlineData("POST", "/api/v1/categories", """{"name":{}}""", "name", "must be a string")]
    [InlineData("POST", "/api/v1/feed-sources", """{"name":"f","url":"https://example.org/rss","pollIntervalMinutes":"x"}""", "pollIntervalMinutes", "must be an integer")]
    [InlineData("POST", "/api/v1/feed-sources", """{"name":"f","url":"https://example.org/rss","enabled":"yes"}""", "enabled", "must be true or false")]
    [InlineData("POST", "/api/v1/webhooks", """{"url":"https://example.org/h","events":{},"secret":"0123456789abcdef"}""", "events", "must be an array")]
    [InlineData("POST", "/api/v1/api-keys", """{"name":"k","role":"emperor"}""", "role", "must be one of the strings")]
    [InlineData("PUT", "/api/v1/settings", """{"siteName":"x","links":[1]}""", "links[0]", "must be an object")]
    [InlineData("PUT", "/api/v1/settings", """{"siteName":"x","themeColours":{"bogus":null}}""", "themeColours", "must be an array")]
    [InlineData("PATCH", "/api/v1/settings", """{"themeColours":{"bogus":null}}""", "themeColours", "must be an array")]
    [InlineData("PATCH", "/api/v1/settings", """{"links":[1]}""", "links[0]", "must be an object")]
    [InlineData("PATCH", "/api/v1/settings", """{"links":"x"}""", "links", "must be an array")]
    [InlineData("PATCH", "/api/v1/settings", """{"siteName":[]}""", "siteName", "must be a string")]
    public async Task A_value_of_the_wrong_type_is_described_in_JSON_terms(string method, string url, string json, string field, string message)
    {
        var admin = portal.App.Client(PortalApp.AdminKey);
        // A merge patch is read after the If-Match check, so it needs the current ETag; other bodies fail binding first.
        var patch = method == "PATCH";
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(json, Encoding.UTF8, patch ? SettingsMergePatchType : "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", patch ? await SettingsRequests.ETagAsync(admin) : "\"r1-x\"");
        var response = await admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ProblemNaming(field);
        Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.", body, StringComparison.Ordinal);
    }
}
