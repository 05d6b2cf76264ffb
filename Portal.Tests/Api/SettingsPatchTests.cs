using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Infrastructure.Caching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>PATCH /api/v1/settings with an RFC 7396 JSON Merge Patch.</summary>
public sealed class SettingsPatchTests : IDisposable
{
    private readonly PortalApp _app = new();
    private readonly HttpClient _admin;

    public SettingsPatchTests() => _admin = _app.Client(PortalApp.AdminKey);

    [Fact]
    public async Task A_merge_patch_changes_only_the_members_it_names()
    {
        var before = await (await _admin.GetAsync(SettingsRequests.Url)).Json();
        var response = await _admin.PatchAsync("{\"email\":\"vanthu.ubnd@dongnai.gov.vn\"}", await SettingsRequests.ETagAsync(_admin));
        var after = await response.Json();
        Assert.Equal("vanthu.ubnd@dongnai.gov.vn", after["email"]!.GetValue<string>());
        Assert.Equal(before["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>());
        Assert.Equal(response.Headers.ETag!.ToString(), await SettingsRequests.ETagAsync(_admin));
        foreach (var unchanged in new[] { "siteName", "governingAgency", "responsiblePerson", "phone", "fax", "address", "themeColours", "banners", "links" })
        {
            Assert.Equal(before[unchanged]!.ToJsonString(), after[unchanged]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Null_removes_an_optional_member_and_a_list_is_replaced_whole()
    {
        var patch = """{"fax": null, "standingAgency": null, "links": [{"title": "Cổng Thông tin điện tử Chính phủ", "url": "https://chinhphu.vn/", "order": 2}]}""";
        var after = await (await _admin.PatchAsync(patch, await SettingsRequests.ETagAsync(_admin))).Json();
        Assert.Null(after["fax"]);
        Assert.Null(after["standingAgency"]);
        var link = Assert.Single(after["links"]!.AsArray());
        Assert.Equal("https://chinhphu.vn/", link!["url"]!.GetValue<string>());
        Assert.Equal(4, after["themeColours"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"email": null}""", "email")]
    [InlineData("""{"phone": "0251 386"}""", "phone")]
    [InlineData("""{"themeColours": [{"key": "do", "name": "Màu đỏ", "hex": "#C8102", "isDefault": true}]}""", "themeColours[0].hex")]
    [InlineData("""{"banners": [{"title": "Tết", "startsAt": "2027-02-10T00:00:00Z", "endsAt": "2027-02-01T00:00:00Z"}]}""", "banners[0].endsAt")]
    [InlineData("""{"version": 99}""", "version")]
    [InlineData("""{"emial": "ubnd@dongnai.gov.vn"}""", "emial")]
    [InlineData("""{"links": "https://chinhphu.vn/"}""", "links")]
    [InlineData("""{"links": [{"title": "Chính phủ", "url": "https://chinhphu.vn/", "order": 1, "target": "_blank"}]}""", "links[0].target")]
    [InlineData("""[{"op": "replace", "path": "/email", "value": "x@y.vn"}]""", "body")]
    [InlineData("""{"email": """, "body")]
    [InlineData("""{"siteName": "Cổng \ud800"}""", "siteName")]
    [InlineData("""{"republishNotice": "\udfff"}""", "republishNotice")]
    [InlineData("""{"links": [{"title": "\ud800", "url": "https://chinhphu.vn/", "order": 1}]}""", "links[0].title")]
    [InlineData("""{"banners": [{"title": "\udc00"}]}""", "banners[0].title")]
    [InlineData("""{"\ud800": 1}""", "body")]
    [InlineData("""{"phone": "0251 3861114", "phone": "0251 3861115"}""", "phone")]
    [InlineData("""{"bogus": null}""", "bogus")]
    [InlineData("""{"version": null}""", "version")]
    [InlineData("""{"updatedAt": null}""", "updatedAt")]
    [InlineData("""{"Email": "vanthu@dongnai.gov.vn"}""", "Email")]
    [InlineData("""{"email": "vanthu@dongnai.gov.vn", "contacts": {"hotline": null}}""", "contacts")]
    [InlineData("""{"themeColours": [{"key": "do", "name": "Màu đỏ", "hex": "#C8102E", "isDefault": true, "bogus": null}]}""", "themeColours[0].bogus")]
    [InlineData("""{"banners": [{"title": "Tết", "imageUrl": null, "extra": null}]}""", "banners[0].extra")]
    [InlineData("""{"links": [{"title": "Chính phủ", "url": "https://chinhphu.vn/", "order": 1}, {"title": "Tỉnh", "url": "https://dongnai.gov.vn/", "order": 2, "Url": null}]}""", "links[1].Url")]
    public async Task A_patch_that_breaks_a_rule_is_a_400_naming_the_field_and_changes_nothing(string patch, string field)
    {
        var etag = await SettingsRequests.ETagAsync(_admin);
        await (await _admin.PatchAsync(patch, etag)).ProblemNaming(field);
        Assert.Equal(etag, await SettingsRequests.ETagAsync(_admin));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"email": "ubnd-vc@dongnai.gov.vn"}""")]
    [InlineData("""{"email": "  ubnd-vc@dongnai.gov.vn "}""")]
    public async Task A_patch_that_changes_nothing_keeps_the_revision_updatedAt_ETag_and_content_version(string patch)
    {
        var before = await _admin.GetAsync(SettingsRequests.Url);
        var current = await before.Json();
        Assert.Equal("ubnd-vc@dongnai.gov.vn", current["email"]!.GetValue<string>());
        var anonymousETag = (await _app.Client().GetAsync(SettingsRequests.Url)).Headers.ETag!.ToString();
        var contentVersion = await _app.Services.GetRequiredService<ContentVersion>().CurrentAsync(CancellationToken.None);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _admin.PatchAsync(patch, before.Headers.ETag!.ToString());

        Assert.Equal(current.ToJsonString(), (await response.Json()).ToJsonString());
        Assert.Equal(before.Headers.ETag, response.Headers.ETag);
        Assert.Equal(before.Headers.ETag!.ToString(), await SettingsRequests.ETagAsync(_admin));
        Assert.Equal(anonymousETag, (await _app.Client().GetAsync(SettingsRequests.Url)).Headers.ETag!.ToString());
        Assert.Equal(contentVersion, await _app.Services.GetRequiredService<ContentVersion>().CurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_list_over_its_cap_is_a_400_naming_the_field_and_the_limit_before_any_item_is_read()
    {
        // 5,000 colours, each of them invalid: only the count is reported, so no item was validated.
        var colours = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"key\": \"K {i}\", \"name\": \"\", \"hex\": \"red\", \"isDefault\": true}}"));
        var etag = await SettingsRequests.ETagAsync(_admin);
        var problem = await (await _admin.PatchAsync($"{{\"themeColours\": [{colours}]}}", etag)).ProblemNaming("themeColours");
        Assert.Equal(["themeColours"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("at most 20", problem["errors"]!["themeColours"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var links = string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{\"title\": \"\", \"url\": \"/{i}\", \"order\": -1}}"));
        problem = await (await _admin.PatchAsync($"{{\"links\": [{links}]}}", etag)).ProblemNaming("links");
        Assert.Equal(["links"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("at most 100", problem["errors"]!["links"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(etag, await SettingsRequests.ETagAsync(_admin));
    }

    [Fact]
    public async Task A_patch_sent_as_plain_JSON_or_without_a_content_type_is_415()
    {
        var etag = await SettingsRequests.ETagAsync(_admin);
        await (await _admin.PatchAsync("{\"email\":\"x@dongnai.gov.vn\"}", etag, "application/json")).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await _admin.PatchAsync("{\"email\":\"x@dongnai.gov.vn\"}", etag, "text/plain")).Problem(HttpStatusCode.UnsupportedMediaType);
        var bare = new HttpRequestMessage(HttpMethod.Patch, SettingsRequests.Url) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        bare.Headers.TryAddWithoutValidation("If-Match", etag);
        var problem = await (await _admin.SendAsync(bare)).Problem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/merge-patch+json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(etag, await SettingsRequests.ETagAsync(_admin));
    }

    [Fact]
    public async Task A_patch_without_If_Match_is_428()
    {
        await (await _admin.PatchAsync("{\"email\":\"x@dongnai.gov.vn\"}", ifMatch: null)).Problem((HttpStatusCode)428);
    }

    public void Dispose() => _app.Dispose();
}
