using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// A server whose culture is Vietnamese, Turkish, Thai (Buddhist calendar) or Saudi (Hijri calendar) reads and writes
/// times and numbers exactly as an invariant one does: parsing and formatting never depend on the culture.
/// </summary>
[Trait("Category", "Time")]
public sealed class TimeCultureTests
{
    [Theory]
    [InlineData("vi-VN")]
    [InlineData("tr-TR")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public async Task Times_and_numbers_mean_the_same_under_any_server_culture(string culture)
    {
        using var app = new PortalApp().WithCulture(culture);
        var admin = app.Client(PortalApp.AdminKey);
        var anonymous = app.Client();

        var id = (await admin.CreateArticleAsync(Editing.Article(Editing.Unique("Văn hóa"))))["id"]!.GetValue<string>();
        var publish = new StringContent("""{"publishAt":"2024-03-01T07:30:00.5+07:00"}""", Encoding.UTF8, "application/json");
        var published = await (await admin.PostAsync($"/api/v1/articles/{id}/publish", publish)).Json();
        Assert.Equal("2024-03-01T00:30:00.5Z", published["publishedAt"]!.GetValue<string>());

        var issuer = await DirectiveData.IssuerAsync(admin);
        var directive = await DirectiveData.CreateAsync(admin, new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", issuer, IssuedOn: "2024-06-04"));
        Assert.Equal("2024-06-04", directive["issuedOn"]!.GetValue<string>());

        var page = await (await anonymous.GetAsync("/api/v1/articles?pageSize=5&from=2024-06-04T01:00:00Z&to=2024-06-04T01:00:01Z")).Json();
        Assert.Equal(5, page["pageSize"]!.GetValue<int>());
        Assert.Equal(1, page["totalItems"]!.GetValue<int>());
        await (await anonymous.GetAsync("/api/v1/directives?year=2023")).Json();

        var days = await (await anonymous.GetAsync("/api/v1/hits/daily?from=2026-11-28&to=2026-11-29")).Json();
        Assert.Equal(["2026-11-28", "2026-11-29"], days.AsArray().Select(d => d!["date"]!.GetValue<string>()));
        var hits = await (await anonymous.GetAsync("/api/v1/hits")).Json();
        Assert.Equal("2026-11-29", hits["date"]!.GetValue<string>());

        await (await anonymous.GetAsync("/api/v1/hits/daily?from=04/06/2024")).ProblemNaming("from");
        await (await anonymous.GetAsync("/api/v1/articles?pageSize=1,5")).ProblemNaming("pageSize");
        var early = await (await anonymous.GetAsync("/api/v1/hits/daily?from=1999-12-31")).ProblemNaming("from");
        Assert.Contains("2000-01-01", early["errors"]!["from"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
