using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>The catalogues behind directives: document types, issuing bodies and the number check.</summary>
public sealed class DirectivesCatalogueTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _anonymous = portal.App.Client();

    [Fact]
    public async Task Document_types_list_every_code_with_its_name_systems_and_validity()
    {
        var types = (await (await _anonymous.GetAsync("/api/v1/document-types")).Json()).AsArray();
        var plan = types.Single(t => t!["code"]!.GetValue<string>() == "KH")!;
        Assert.Equal("Kế hoạch", plan["name"]!.GetValue<string>());
        Assert.Equal(["state", "party"], plan["systems"]!.AsArray().Select(s => s!.GetValue<string>()));
        var oldCode = types.Single(t => t!["code"]!.GetValue<string>() == "GN")!;
        Assert.Equal("2020-03-05", oldCode["validBefore"]!.GetValue<string>());
        Assert.Contains(types, t => t!["code"]!.GetValue<string>() == "QyĐ");

        var party = (await (await _anonymous.GetAsync("/api/v1/document-types?system=party")).Json()).AsArray();
        Assert.Equal("Thông tri", party.Single(t => t!["code"]!.GetValue<string>() == "TT")!["name"]!.GetValue<string>());
        Assert.DoesNotContain(party, t => t!["code"]!.GetValue<string>() == "NĐ");
        await (await _anonymous.GetAsync("/api/v1/document-types?system=royal")).ProblemNaming("system");
    }

    [Theory]
    [InlineData("211/KH-HU", "party", "211-KH/HU", "KH", "HU", null)]
    [InlineData("Số: 30/2020/NĐ-CP", "state-legal", "30/2020/NĐ-CP", "NĐ", "CP", 2020)]
    [InlineData("2457/UBND-VX", "state-letter", "2457/UBND-VX", null, "UBND", null)]
    public async Task The_number_check_shows_how_a_number_is_read(string number, string system, string canonical, string? type, string issuer, int? year)
    {
        var parse = await (await _anonymous.GetAsync($"/api/v1/document-numbers/parse?number={Uri.EscapeDataString(number)}")).Json();
        Assert.Equal(number, parse["raw"]!.GetValue<string>());
        Assert.Equal(system, parse["system"]!.GetValue<string>());
        Assert.Equal(canonical, parse["canonical"]!.GetValue<string>());
        Assert.Equal(type, parse["type"]?.GetValue<string>());
        Assert.Equal(issuer, parse["issuer"]!.GetValue<string>());
        Assert.Equal(year, parse["year"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(parse["searchKey"]!.GetValue<string>()));
        Assert.NotNull(parse["warnings"]!.AsArray());
    }

    [Fact]
    public async Task The_number_check_warns_about_a_Party_plan_written_State_style()
    {
        var parse = await (await _anonymous.GetAsync("/api/v1/document-numbers/parse?number=211%2FKH-HU")).Json();
        Assert.Equal("Kế hoạch", parse["typeName"]!.GetValue<string>());
        Assert.NotEmpty(parse["warnings"]!.AsArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?number=")]
    [InlineData("?number=211%3CKH-HU")]
    [InlineData("?number=211%0AKH-HU")]
    public async Task The_number_check_refuses_text_no_number_can_hold_naming_number(string query)
    {
        await (await _anonymous.GetAsync("/api/v1/document-numbers/parse" + query)).ProblemNaming("number");
    }

    [Fact]
    public async Task The_seeded_district_committee_ended_with_the_2025_reform()
    {
        var bodies = await (await _anonymous.GetAsync("/api/v1/issuing-bodies?code=hu&level=district")).Json();
        var committee = bodies["items"]!.AsArray().Single(b => b!["name"]!.GetValue<string>() == "Ban Thường vụ Huyện ủy Vĩnh Cửu")!;
        Assert.Equal("2025-06-30", committee["validTo"]!.GetValue<string>());
        var today = await (await _anonymous.GetAsync("/api/v1/issuing-bodies?code=HU&activeOn=2026-01-01")).Json();
        Assert.DoesNotContain(today["items"]!.AsArray(), b => b!["id"]!.GetValue<string>() == committee["id"]!.GetValue<string>());
        var byId = await (await _anonymous.GetAsync($"/api/v1/issuing-bodies/{committee["id"]}")).Json();
        Assert.Equal("HU", byId["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_editor_ends_a_district_and_names_the_province_as_its_successor()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var province = await (await editor.PostJson("/api/v1/issuing-bodies", new { name = $"Ủy ban nhân dân tỉnh Đồng Nai {Token()}", code = "UBND", level = "province" })).Json(HttpStatusCode.Created);
        var districtResponse = await editor.PostJson("/api/v1/issuing-bodies", new { name = $"Ủy ban nhân dân huyện Vĩnh Cửu {Token()}", code = "UBND", level = "district", validFrom = "1976-01-01" });
        var district = await districtResponse.Json(HttpStatusCode.Created);
        var url = $"/api/v1/issuing-bodies/{district["id"]}";

        var ended = await editor.SendAsync(WithIfMatch(HttpMethod.Put, url, districtResponse.Headers.ETag!,
            new { name = district["name"]!.GetValue<string>(), code = "UBND", level = "district", validFrom = "1976-01-01", validTo = "2025-06-30", successorId = province["id"] }));
        var body = await ended.Json();
        Assert.Equal(province["id"]!.GetValue<string>(), body["successor"]!["id"]!.GetValue<string>());
        Assert.Equal(2, body["version"]!.GetValue<int>());

        var stale = await editor.SendAsync(WithIfMatch(HttpMethod.Put, url, districtResponse.Headers.ETag!, new { name = "Tên khác", code = "UBND", level = "district" }));
        await stale.Problem(HttpStatusCode.PreconditionFailed);

        // The province cannot pass its duties back to the district that passed them to it.
        var circle = await editor.PutAsJsonAsync($"/api/v1/issuing-bodies/{province["id"]}",
            new { name = province["name"]!.GetValue<string>(), code = "UBND", level = "province", successorId = district["id"] }, Http.Options);
        await circle.ProblemNaming("successorId", HttpStatusCode.UnprocessableEntity);
        Assert.Null((await (await _anonymous.GetAsync($"/api/v1/issuing-bodies/{province["id"]}")).Json())["successor"]);
    }

    [Theory]
    [InlineData("{\"name\":\"UBND xã\",\"code\":\"UBND\",\"level\":\"hamlet\"}", "level")]
    [InlineData("{\"name\":\"\",\"code\":\"UBND\",\"level\":\"commune\"}", "name")]
    [InlineData("{\"name\":\"UBND xã\",\"code\":\"UB ND\",\"level\":\"commune\"}", "code")]
    [InlineData("{\"name\":\"UBND xã\",\"code\":\"UBND\",\"level\":\"commune\",\"validFrom\":\"2025-07-01\",\"validTo\":\"2025-06-30\"}", "validTo")]
    [InlineData("{\"name\":\"UBND xã\",\"code\":\"UBND\",\"level\":\"commune\",\"successorId\":\"0b9a3a7e-3f1e-4a5e-9d55-1f0e5c1d2a11\"}", "successorId")]
    public async Task Bad_issuing_body_input_is_a_400_naming_the_field(string json, string field)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await (await editor.PostAsync("/api/v1/issuing-bodies", content)).ProblemNaming(field);
    }

    [Fact]
    public async Task An_issuing_body_cannot_be_its_own_successor_and_anonymous_callers_cannot_edit()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await IssuerAsync(editor);
        var self = await editor.PutAsJsonAsync($"/api/v1/issuing-bodies/{id}", new { name = "UBND xã", code = "UBND", level = "commune", successorId = id }, Http.Options);
        await self.ProblemNaming("successorId");
        await (await _anonymous.PostJson("/api/v1/issuing-bodies", new { name = "UBND xã", code = "UBND", level = "commune" })).Problem(HttpStatusCode.Unauthorized);
        await (await _anonymous.GetAsync($"/api/v1/issuing-bodies/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
        await (await _anonymous.GetAsync("/api/v1/issuing-bodies?level=hamlet")).ProblemNaming("level");
    }
}
