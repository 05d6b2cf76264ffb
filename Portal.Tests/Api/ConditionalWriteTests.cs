using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// If-Match and If-None-Match on every write route that takes them, exactly as RFC 9110 §13 defines them: If-Match
/// compares whole entity-tags strongly (a tag Portal did not issue, or a weak one, never matches), both headers take
/// <c>*</c> or a list, If-None-Match on a write that matches is 412 with nothing changed, and a malformed header is a
/// 400 naming it.
/// </summary>
public sealed class ConditionalWriteTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _admin = portal.App.Client(PortalApp.AdminKey);

    /// <summary>A write to aim headers at: how to make the request, and the URL whose GET gives the ETag it is checked against.</summary>
    private sealed record Write(Func<HttpRequestMessage> Request, string Resource);

    public static readonly TheoryData<string> Routes =
    [
        "article put", "article publish", "article unpublish", "article archive", "article delete",
        "directive put", "directive publish", "directive unpublish", "directive relation", "directive delete",
        "settings put", "settings patch", "category put", "category delete", "issuer put", "feed source put", "feed source delete",
    ];

    public static TheoryData<string, string> RoutesAndTags()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in Routes)
        {
            // A tag with the current revision but not the current hash (as the README's "r2-…" placeholder), and the
            // current tag made weak: neither is the current entity-tag compared strongly.
            cases.Add(route, "same revision, other hash");
            cases.Add(route, "weak current");
            cases.Add(route, "other tags only");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RoutesAndTags))]
    public async Task If_Match_without_the_current_entity_tag_compared_strongly_is_412_and_nothing_changes(string route, string tags)
    {
        var write = await SetUpAsync(route);
        var etag = await ETagAsync(write.Resource);
        var revision = etag[..(etag.IndexOf('-', StringComparison.Ordinal) + 1)];
        var header = tags switch
        {
            "same revision, other hash" => $"{revision}garbage\"",
            "weak current" => $"W/{etag}",
            _ => $"\"r1-AAAAAAAAAAAAAAAA\", {revision}xyz\", W/{etag}",
        };

        var response = await SendAsync(write, ifMatch: header);
        await response.Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(etag, await ETagAsync(write.Resource));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task If_Match_with_a_list_holding_the_current_tag_or_a_star_lets_the_write_through(string route)
    {
        var write = await SetUpAsync(route);
        var etag = await ETagAsync(write.Resource);
        Assert.True((await SendAsync(write, ifMatch: $"\"r1-AAAAAAAAAAAAAAAA\", W/\"x\", {etag}")).IsSuccessStatusCode, $"{route} with a list");

        var again = await SetUpAsync(route);
        Assert.True((await SendAsync(again, ifMatch: "*")).IsSuccessStatusCode, $"{route} with *");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task If_None_Match_on_a_write_that_matches_is_412_and_nothing_changes(string route)
    {
        var write = await SetUpAsync(route);
        var etag = await ETagAsync(write.Resource);
        foreach (var header in new[] { "*", etag, $"\"other\", W/{etag}" })
        {
            await (await SendAsync(write, ifNoneMatch: header)).Problem(HttpStatusCode.PreconditionFailed);
            Assert.Equal(etag, await ETagAsync(write.Resource));
        }

        Assert.True((await SendAsync(write, ifMatch: etag, ifNoneMatch: "\"other\"")).IsSuccessStatusCode, $"{route} with a tag that does not match");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_malformed_conditional_header_is_a_400_naming_it_and_nothing_changes(string route)
    {
        var write = await SetUpAsync(route);
        var etag = await ETagAsync(write.Resource);
        foreach (var bad in new[] { etag.Trim('"'), "r3-garbage", $"*, {etag}", "\"unterminated" })
        {
            await (await SendAsync(write, ifMatch: bad)).ProblemNaming("If-Match");
            await (await SendAsync(write, ifNoneMatch: bad)).ProblemNaming("If-None-Match");
            Assert.Equal(etag, await ETagAsync(write.Resource));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Write write, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = write.Request();
        if (ifMatch is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        }

        if (ifNoneMatch is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));
        }

        return await _admin.SendAsync(request);
    }

    private async Task<string> ETagAsync(string url)
    {
        var response = await _admin.GetAsync(url);
        await response.Json();
        return response.Headers.ETag!.ToString();
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, string json, string type = "application/json") =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(type)) };

    private static string JsonOf(object body) => System.Text.Json.JsonSerializer.Serialize(body, Http.Options);

    private async Task<Write> SetUpAsync(string route)
    {
        var parts = route.Split(' ', 2);
        switch (parts[0])
        {
            case "article":
                var article = Editing.Article(Editing.Unique("Điều kiện"));
                var id = (await _admin.CreateArticleAsync(article))["id"]!.GetValue<string>();
                if (parts[1] is "unpublish" or "archive")
                {
                    await _admin.PublishAsync(id);
                }

                var url = $"/api/v1/articles/{id}";
                return new(parts[1] switch
                {
                    "put" => () => Json(HttpMethod.Put, url, JsonOf(Editing.Article(Editing.Unique("Sửa")))),
                    "delete" => () => new HttpRequestMessage(HttpMethod.Delete, url),
                    var action => () => Json(HttpMethod.Post, $"{url}/{action}", "{}"),
                }, url);
            case "directive":
                var issuer = await DirectiveData.IssuerAsync(_admin);
                var body = new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", issuer);
                var directive = (await DirectiveData.CreateAsync(_admin, body))["id"]!.GetValue<string>();
                if (parts[1] == "unpublish")
                {
                    await DirectiveData.PublishAsync(_admin, directive);
                }

                var target = parts[1] == "relation"
                    ? (await DirectiveData.CreateAsync(_admin, body with { Number = $"{DirectiveData.NextNumber()}/KH-UBND" }))["id"]!.GetValue<string>()
                    : null;
                var durl = $"/api/v1/directives/{directive}";
                return new(parts[1] switch
                {
                    "put" => () => Json(HttpMethod.Put, durl, JsonOf(body with { Abstract = "Trích yếu đã sửa" })),
                    "delete" => () => new HttpRequestMessage(HttpMethod.Delete, durl),
                    "relation" => () => Json(HttpMethod.Post, $"{durl}/relations", JsonOf(new { kind = "implements", targetId = target })),
                    var action => () => Json(HttpMethod.Post, $"{durl}/{action}", "{}"),
                }, durl);
            case "settings":
                var phone = $"(0251) 3861 {DirectiveData.NextNumber()}";
                return parts[1] == "put"
                    ? new(() => Json(HttpMethod.Put, SettingsRequests.Url, SettingsRequests.ValidBody().Set("phone", JsonOf(phone)).ToJsonString()), SettingsRequests.Url)
                    : new(() => Json(HttpMethod.Patch, SettingsRequests.Url, JsonOf(new { phone }), "application/merge-patch+json"), SettingsRequests.Url);
            case "category":
                var category = (await (await _admin.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
                var curl = $"/api/v1/categories/{category}";
                return parts[1] == "put"
                    ? new(() => Json(HttpMethod.Put, curl, JsonOf(new { name = Editing.Unique("Đổi tên") })), curl)
                    : new(() => new HttpRequestMessage(HttpMethod.Delete, curl), curl);
            case "issuer":
                var iurl = $"/api/v1/issuing-bodies/{await DirectiveData.IssuerAsync(_admin)}";
                return new(() => Json(HttpMethod.Put, iurl, JsonOf(new { name = $"Cơ quan {DirectiveData.Token()}", code = "UBND", level = "district" })), iurl);
            default:
                var source = new { name = Editing.Unique("Nguồn"), url = "https://dongnai.gov.vn/rss" };
                var fid = (await (await _admin.PostJson("/api/v1/feed-sources", source)).Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
                var furl = $"/api/v1/feed-sources/{fid}";
                return route == "feed source put"
                    ? new(() => Json(HttpMethod.Put, furl, JsonOf(source with { name = Editing.Unique("Nguồn mới") })), furl)
                    : new(() => new HttpRequestMessage(HttpMethod.Delete, furl), furl);
        }
    }
}
