using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Banners by display period: anonymous callers see those active now, admins see all.</summary>
public sealed class SettingsBannerTests : IDisposable
{
    private readonly PortalApp _app = new();

    private static string[] Titles(System.Text.Json.Nodes.JsonNode settings) =>
        settings["banners"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Anonymous_callers_see_only_active_banners_and_admins_see_all()
    {
        // Now is 2026-11-29 10:00 in Vietnam (03:00Z).
        var admin = _app.Client(PortalApp.AdminKey);
        var banners = """
            [
              {"title": "Đang hiển thị", "startsAt": "2026-11-01T00:00:00+07:00", "endsAt": "2026-12-31T00:00:00+07:00"},
              {"title": "Sắp tới", "startsAt": "2026-11-29T12:00:00+07:00", "endsAt": null},
              {"title": "Đã hết hạn", "startsAt": "2024-04-30T17:00:00Z", "endsAt": "2024-06-30T17:00:00Z"},
              {"title": "Không thời hạn", "startsAt": null, "endsAt": null}
            ]
            """;
        await (await admin.PutAsync(SettingsRequests.ValidBody().Set("banners", banners), await SettingsRequests.ETagAsync(admin))).Json();

        var anonymous = await (await _app.Client().GetAsync(SettingsRequests.Url)).Json();
        Assert.Equal(["Đang hiển thị", "Không thời hạn"], Titles(anonymous));
        var editor = await _app.ClientWithRoleAsync("editor");
        Assert.Equal(["Đang hiển thị", "Không thời hạn"], Titles(await (await editor.GetAsync(SettingsRequests.Url)).Json()));
        Assert.Equal(["Đang hiển thị", "Sắp tới", "Đã hết hạn", "Không thời hạn"], Titles(await (await admin.GetAsync(SettingsRequests.Url)).Json()));

        _app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["Đang hiển thị", "Sắp tới", "Không thời hạn"], Titles(await (await _app.Client().GetAsync(SettingsRequests.Url)).Json()));
    }

    [Fact]
    public async Task Anonymous_settings_are_publicly_cacheable_and_an_admins_are_private()
    {
        var anonymous = await _app.Client().GetAsync(SettingsRequests.Url);
        Assert.True(anonymous.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 60 });
        var admin = await _app.Client(PortalApp.AdminKey).GetAsync(SettingsRequests.Url);
        Assert.True(admin.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Contains("Authorization", anonymous.Headers.Vary);
    }

    public void Dispose() => _app.Dispose();
}
