using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Settings;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>PUT /api/v1/settings: admin only, If-Match required, validated field by field.</summary>
public sealed class SettingsWriteTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Fact]
    public async Task Saving_settings_without_a_key_is_401_and_with_an_editor_key_403()
    {
        var etag = await SettingsRequests.ETagAsync(_app.Client(PortalApp.AdminKey));
        await (await _app.Client().PutAsync(SettingsRequests.ValidBody(), etag)).Problem(HttpStatusCode.Unauthorized);
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.PutAsync(SettingsRequests.ValidBody(), etag)).Problem(HttpStatusCode.Forbidden);
        await (await editor.PatchAsync("{\"email\":\"x@dongnai.gov.vn\"}", etag)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_save_returns_the_new_representation_and_the_ETag_a_GET_then_gives()
    {
        var admin = await _app.ClientWithRoleAsync("admin");
        var etag = await SettingsRequests.ETagAsync(admin);
        var response = await admin.PutAsync(SettingsRequests.ValidBody().Set("siteName", "\"CỔNG THÔNG TIN ĐIỆN TỬ XÃ VĨNH CỬU\""), etag);
        var saved = await response.Json();
        Assert.Equal("CỔNG THÔNG TIN ĐIỆN TỬ XÃ VĨNH CỬU", saved["siteName"]!.GetValue<string>());
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, saved["updatedAt"]!.GetValue<DateTime>().ToUniversalTime());
        var newETag = response.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newETag);
        Assert.Equal(newETag, await SettingsRequests.ETagAsync(admin));
        var anonymous = await (await _app.Client().GetAsync(SettingsRequests.Url)).Json();
        Assert.Equal("CỔNG THÔNG TIN ĐIỆN TỬ XÃ VĨNH CỬU", anonymous["siteName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_save_without_If_Match_is_428_and_changes_nothing()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var before = await SettingsRequests.ETagAsync(admin);
        await (await admin.PutAsync(SettingsRequests.ValidBody().Set("siteName", "\"Không có If-Match\""), ifMatch: null)).Problem((HttpStatusCode)428);
        Assert.Equal(before, await SettingsRequests.ETagAsync(admin));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_changes_nothing()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var stale = await SettingsRequests.ETagAsync(admin);
        await (await admin.PutAsync(SettingsRequests.ValidBody().Set("siteName", "\"Lần lưu thứ nhất\""), stale)).Json();
        var current = await SettingsRequests.ETagAsync(admin);

        await (await admin.PutAsync(SettingsRequests.ValidBody().Set("siteName", "\"Lần lưu bị từ chối\""), stale)).Problem(HttpStatusCode.PreconditionFailed);
        await (await admin.PatchAsync("{\"siteName\":\"Bản vá bị từ chối\"}", stale)).Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal(current, await SettingsRequests.ETagAsync(admin));
        var settings = await (await admin.GetAsync(SettingsRequests.Url)).Json();
        Assert.Equal("Lần lưu thứ nhất", settings["siteName"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_Match_star_overwrites_whatever_is_there()
    {
        var response = await _app.Client(PortalApp.AdminKey).PutAsync(SettingsRequests.ValidBody().Set("address", "\"Số 1, đường Nguyễn Huệ\""), "*");
        Assert.Equal("Số 1, đường Nguyễn Huệ", (await response.Json())["address"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("email", "\"ubnd-vc(at)dongnai.gov.vn\"")]
    [InlineData("email", "null")]
    [InlineData("phone", "\"12345\"")]
    [InlineData("fax", "\"(0251).386\"")]
    [InlineData("governingAgency", "\"  \"")]
    [InlineData("responsiblePerson", "null")]
    [InlineData("address", "\"\"")]
    [InlineData("themeColours[1].hex", "\"#0B5CA\"")]
    [InlineData("themeColours[0].key", "\"Màu đỏ\"")]
    [InlineData("banners[0].endsAt", "\"2024-04-30T00:00:00Z\"")]
    [InlineData("banners[0].linkUrl", "\"javascript:alert(1)\"")]
    [InlineData("links[0].url", "\"/lien-ket\"")]
    [InlineData("links[0].title", "\"Uû ban nh©n d©n\"")]
    public async Task An_invalid_field_is_a_400_naming_its_JSON_path(string path, string json)
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var etag = await SettingsRequests.ETagAsync(admin);
        await (await admin.PutAsync(SettingsRequests.ValidBody().Set(path, json), etag)).ProblemNaming(path);
        Assert.Equal(etag, await SettingsRequests.ETagAsync(admin));
    }

    [Fact]
    public async Task Two_default_colours_are_a_400_naming_themeColours()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var body = SettingsRequests.ValidBody().Set("themeColours[1].isDefault", "true");
        await (await admin.PutAsync(body, await SettingsRequests.ETagAsync(admin))).ProblemNaming("themeColours");
    }

    [Fact]
    public async Task Text_typed_in_NFD_is_saved_in_NFC()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var nfd = "Ủy ban nhân dân huyện Vĩnh Cửu".Normalize(System.Text.NormalizationForm.FormD);
        var body = SettingsRequests.ValidBody().Set("governingAgency", System.Text.Json.JsonSerializer.Serialize(nfd));
        var saved = await (await admin.PutAsync(body, await SettingsRequests.ETagAsync(admin))).Json();
        Assert.Equal("Ủy ban nhân dân huyện Vĩnh Cửu".Normalize(), saved["governingAgency"]!.GetValue<string>());
        Assert.Equal(2, saved["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_PUT_of_the_current_settings_saves_nothing_and_returns_them_unchanged()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var before = await admin.GetAsync(SettingsRequests.Url);
        var current = await before.Json();
        var body = current.DeepClone().AsObject();
        body.Remove("version");
        body.Remove("updatedAt");
        var contentVersion = await _app.Services.GetRequiredService<ContentVersion>().CurrentAsync(CancellationToken.None);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await admin.PutAsync(body, before.Headers.ETag!.ToString());

        Assert.Equal(current.ToJsonString(), (await response.Json()).ToJsonString());
        Assert.Equal(before.Headers.ETag, response.Headers.ETag);
        Assert.Equal(contentVersion, await _app.Services.GetRequiredService<ContentVersion>().CurrentAsync(CancellationToken.None));

        // The unchanged ETag still allows the next real change.
        var changed = await (await admin.PutAsync(body.Set("fax", "null"), before.Headers.ETag!.ToString())).Json();
        Assert.Equal(current["version"]!.GetValue<int>() + 1, changed["version"]!.GetValue<int>());
        Assert.Null(changed["fax"]);
    }

    [Fact]
    public async Task Lists_over_their_cap_are_a_400_naming_the_field_and_the_limit_before_any_item_is_validated()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var etag = await SettingsRequests.ETagAsync(admin);
        foreach (var (field, item, max) in new[]
        {
            ("themeColours", "{\"key\": \"Đỏ\", \"hex\": \"red\", \"isDefault\": true}", 20),
            ("banners", "{\"title\": \"\", \"linkUrl\": \"javascript:0\"}", 50),
            ("links", "{\"title\": \"\", \"url\": \"x\", \"order\": -1}", 100),
        })
        {
            var body = SettingsRequests.ValidBody().Set(field, $"[{string.Join(',', Enumerable.Repeat(item, 5000))}]");
            var problem = await (await admin.PutAsync(body, etag)).ProblemNaming(field);
            Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
            Assert.Contains($"at most {max}", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(etag, await SettingsRequests.ETagAsync(admin));
    }

    [Fact]
    public async Task A_settings_body_over_the_settings_limit_is_413_though_smaller_than_the_general_JSON_limit()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var etag = await SettingsRequests.ETagAsync(admin);
        var body = SettingsRequests.ValidBody().Set("republishNotice", JsonSerializer.Serialize(new string('a', 1_200_000)));
        Assert.True(body.ToJsonString().Length is > (int)SettingsWriteEndpoints.MaxBodyBytes and < (int)RequestLimits.MaxJsonBodyBytes);
        await (await admin.PutAsync(body, etag)).Problem(HttpStatusCode.RequestEntityTooLarge);
        await (await admin.PatchAsync(new JsonObject { ["republishNotice"] = new string('a', 1_200_000) }.ToJsonString(), etag)).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(etag, await SettingsRequests.ETagAsync(admin));
    }

    public void Dispose() => _app.Dispose();
}
