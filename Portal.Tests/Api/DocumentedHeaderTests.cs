using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>The request headers README documents behave as it says: X-Visitor-Id's format, and If-Match on the settings.</summary>
public sealed class DocumentedHeaderTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Theory]
    [InlineData("abcd1234")]
    [InlineData("Visitor_0001-frontend")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task A_visitor_id_of_8_to_64_letters_digits_hyphens_and_underscores_is_accepted(string id) =>
        Assert.Equal(HttpStatusCode.Accepted, await PostHitAsync(id));

    [Theory]
    [InlineData("abc1234")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("visitor 0001")]
    [InlineData("visitor.0001")]
    [InlineData("khách-truy-cập")]
    public async Task Any_other_visitor_id_is_a_400_naming_the_header(string id)
    {
        using var request = HitRequest(id);
        await (await _app.Client().SendAsync(request)).ProblemNaming("X-Visitor-Id");
    }

    [Fact]
    public async Task Settings_If_Match_star_overwrites_whatever_revision_is_there()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var stale = await SettingsRequests.ETagAsync(admin);
        (await admin.PutAsync(SettingsRequests.ValidBody().Set("phone", "\"(0251) 3861 114\""), stale)).EnsureSuccessStatusCode();

        await (await admin.PutAsync(SettingsRequests.ValidBody(), stale)).Problem(HttpStatusCode.PreconditionFailed);
        await (await admin.PutAsync(SettingsRequests.ValidBody(), null)).Problem(HttpStatusCode.PreconditionRequired);
        var weak = "W/" + await SettingsRequests.ETagAsync(admin);
        await (await admin.PutAsync(SettingsRequests.ValidBody(), weak)).Problem(HttpStatusCode.PreconditionFailed);

        var saved = await (await admin.PutAsync(SettingsRequests.ValidBody().Set("phone", "\"0912 345 678\""), "*")).Json();
        Assert.Equal("0912 345 678", saved["phone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync("""{"fax":null}""", "*")).StatusCode);
    }

    private static HttpRequestMessage HitRequest(string visitor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = JsonContent.Create(new { path = "/" }) };
        request.Headers.TryAddWithoutValidation("X-Visitor-Id", visitor);
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");
        return request;
    }

    private async Task<HttpStatusCode> PostHitAsync(string visitor)
    {
        using var request = HitRequest(visitor);
        return (await _app.Client().SendAsync(request)).StatusCode;
    }

    public void Dispose() => _app.Dispose();
}
