using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>The first start serves the Vĩnh Cửu portal page as structured records.</summary>
public sealed class SeededContentTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _client = portal.App.Client();

    [Fact]
    public async Task Article_list_returns_the_seeded_article_with_its_real_fields()
    {
        var page = await (await _client.GetAsync("/api/v1/articles")).Json();
        var article = page["items"]!.AsArray().Single(a => a!["slug"]!.GetValue<string>() == "tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em")!;
        Assert.Equal("Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em", article["title"]!.GetValue<string>());
        Assert.Equal("Hồng Yến", article["author"]!.GetValue<string>());
        Assert.Equal("published", article["status"]!.GetValue<string>());
        Assert.Equal("2024-06-04T01:00:00Z", article["publishedAt"]!.GetValue<string>());
        Assert.Equal("04.6.24 Tăng cường công tác chăm sóc giáo dục và bảo vệ trẻ em 1.jpg", article["coverImage"]!["fileName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(article["coverImage"]!["caption"]!.GetValue<string>()));
        Assert.Equal("tin-tuc-su-kien", article["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(1, page["page"]!.GetValue<int>());
        Assert.Equal(20, page["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task Article_by_slug_and_by_id_return_the_body_and_both_mentioned_directives()
    {
        var bySlug = await (await _client.GetAsync("/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em")).Json();
        var id = bySlug["id"]!.GetValue<string>();
        var byId = await (await _client.GetAsync($"/api/v1/articles/{id}")).Json();
        Assert.Equal(bySlug.ToJsonString(), byId.ToJsonString());

        var body = bySlug["bodyHtml"]!.GetValue<string>();
        Assert.Contains("Thứ nhất:", body, StringComparison.Ordinal);
        Assert.Contains("Thứ hai:", body, StringComparison.Ordinal);
        Assert.Contains("Thứ ba:", body, StringComparison.Ordinal);
        Assert.Contains("<figcaption>", body, StringComparison.Ordinal);
        Assert.StartsWith("Nhằm nâng cao nhận thức", bySlug["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var numbers = bySlug["directives"]!.AsArray().Select(d => d!["number"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["211/KH-HU", "28-CT/TW"], numbers);
    }

    [Theory]
    [InlineData("211/KH-HU")]
    [InlineData("211%2FKH-HU")]
    [InlineData("211%2fKH-HU")]
    [InlineData("211-KH/HU")]
    [InlineData("211%20kh%20hu")]
    public async Task The_plan_is_found_by_its_number_in_any_written_form(string number)
    {
        var plan = await (await _client.GetAsync($"/api/v1/directives/by-number/{number}")).Json();
        Assert.Equal("211/KH-HU", plan["number"]!.GetValue<string>());
        Assert.Equal("211-KH/HU", plan["numberCanonical"]!.GetValue<string>());
        Assert.Equal("KH", plan["type"]!["code"]!.GetValue<string>());
        Assert.Equal("Kế hoạch", plan["type"]!["name"]!.GetValue<string>());
        Assert.Equal("Ban Thường vụ Huyện ủy Vĩnh Cửu", plan["issuer"]!["name"]!.GetValue<string>());
        Assert.Equal("2024-05-29", plan["issuedOn"]!.GetValue<string>());
        Assert.Contains("Thứ ba:", plan["contentHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        var link = Assert.Single(plan["relations"]!.AsArray())!;
        Assert.Equal("implements", link["kind"]!.GetValue<string>());
        Assert.Equal("outgoing", link["direction"]!.GetValue<string>());
        Assert.Equal("28-CT/TW", link["directive"]!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_politburo_directive_has_its_abstract_and_shows_the_plan_as_implementing_it()
    {
        var directive = await (await _client.GetAsync("/api/v1/directives/by-number/28-CT%2FTW")).Json();
        Assert.Equal("Chỉ thị", directive["type"]!["name"]!.GetValue<string>());
        Assert.Equal("Bộ Chính trị", directive["issuer"]!["name"]!.GetValue<string>());
        Assert.Equal("2023-12-25", directive["issuedOn"]!.GetValue<string>());
        Assert.Equal("về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc", directive["abstract"]!.GetValue<string>());
        var related = await (await _client.GetAsync($"/api/v1/directives/{directive["id"]}/related")).Json();
        var link = Assert.Single(related.AsArray())!;
        Assert.Equal("incoming", link["direction"]!.GetValue<string>());
        Assert.Equal("211/KH-HU", link["directive"]!["number"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("issuer=HU", "211/KH-HU")]
    [InlineData("issuer=hu", "211/KH-HU")]
    [InlineData("issuer=tw&type=ct", "28-CT/TW")]
    [InlineData("type=KH&year=2024", "211/KH-HU")]
    public async Task Directive_filters_match_codes_in_any_case_on_every_engine(string query, string number)
    {
        var page = await (await _client.GetAsync($"/api/v1/directives?{query}")).Json();
        Assert.Contains(page["items"]!.AsArray(), d => d!["number"]!.GetValue<string>() == number);
    }

    [Fact]
    public async Task Settings_return_the_footer_of_the_portal()
    {
        var settings = await (await _client.GetAsync("/api/v1/settings")).Json();
        Assert.Equal("TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI", settings["siteName"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân huyện Vĩnh Cửu, tỉnh Đồng Nai", settings["governingAgency"]!.GetValue<string>());
        Assert.StartsWith("Bà Nguyễn Thị Dung", settings["responsiblePerson"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Phòng Văn hóa và Thông tin", settings["standingAgency"]!.GetValue<string>());
        Assert.Equal("(0251).3861114", settings["phone"]!.GetValue<string>());
        Assert.Equal("(0251).3861114", settings["fax"]!.GetValue<string>());
        Assert.Equal("ubnd-vc@dongnai.gov.vn", settings["email"]!.GetValue<string>());
        Assert.Contains("UBND huyện Vĩnh Cửu", settings["republishNotice"]!.GetValue<string>(), StringComparison.Ordinal);
        var colours = settings["themeColours"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Màu đỏ", "Màu xanh nước biển", "Màu vàng", "Màu xanh lá cây"], colours);
        Assert.Single(settings["themeColours"]!.AsArray(), c => c!["isDefault"]!.GetValue<bool>());
        // The 2024 anniversary banner's display period is over, so anonymous readers do not get it.
        Assert.Empty(settings["banners"]!.AsArray());
    }

    [Fact]
    public async Task Health_reports_the_database_healthy()
    {
        var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
