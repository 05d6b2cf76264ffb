using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>Bad directive input is a 4xx problem naming the field, and nothing is stored.</summary>
public sealed class DirectivesValidationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Theory]
    [InlineData("", "number")]
    [InlineData("   ", "number")]
    [InlineData("211<KH-HU", "number")]
    [InlineData("211/KH-HU\n", "number")]
    [InlineData("211\nKH-HU", "number")]
    public async Task A_number_no_document_can_hold_is_a_400_naming_number_and_nothing_is_stored(string number, string field)
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody(number, "KH", issuer, Abstract: $"Sai số {token}"));
        await response.ProblemNaming(field);
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_chi_thi_numbered_as_a_plan_is_a_422_naming_typeCode_and_number()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody($"{NextNumber()}-KH/HU", "CT", issuer, Abstract: $"Chỉ thị {token}"));
        var problem = await response.ProblemNaming("typeCode", HttpStatusCode.UnprocessableEntity);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("number"));
        Assert.Contains("KH (Kế hoạch)", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("CT (Chỉ thị)", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Theory]
    [InlineData("XYZ", "typeCode")]
    [InlineData("", "typeCode")]
    public async Task An_unknown_type_code_is_a_400_naming_typeCode(string typeCode, string field)
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody($"{NextNumber()}/KH-UBND", typeCode, issuer, Abstract: $"Loại {token}"));
        await response.ProblemNaming(field);
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Theory]
    [InlineData("2024-05-29", "2024-05-28", null, "effectiveOn")]
    [InlineData("2024-05-29", "2024-06-01", "2024-06-01", "expiresOn")]
    [InlineData("2024-05-29", null, "2024-05-01", "expiresOn")]
    [InlineData(null, null, null, "issuedOn")]
    public async Task Dates_out_of_order_are_a_400_naming_the_field(string? issuedOn, string? effectiveOn, string? expiresOn, string field)
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var response = await editor.PostJson("/api/v1/directives",
            new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, IssuedOn: issuedOn, EffectiveOn: effectiveOn, ExpiresOn: expiresOn, Abstract: $"Ngày {token}"));
        await response.ProblemNaming(field);
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Fact]
    public async Task An_unknown_issuer_is_a_400_naming_issuerId()
    {
        var (editor, _, token) = await ArrangeAsync();
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", Guid.NewGuid().ToString(), Abstract: $"Cơ quan {token}"));
        await response.ProblemNaming("issuerId");
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_State_number_used_twice_by_one_issuer_in_a_year_is_a_409_naming_the_directive_that_has_it()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var n = NextNumber();
        var first = await CreateAsync(editor, new DirectiveBody($"{n}/QĐ-UBND", "QĐ", issuer, IssuedOn: "2024-01-05", Abstract: $"Lần đầu {token}"));

        // Spelled differently, issued later the same year: still the same number of the same issuer.
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody($"Số: {n}/QD-UBND", "QĐ", issuer, IssuedOn: "2024-12-30", Abstract: $"Lần hai {token}"));
        var problem = await response.ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(first["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(editor, token));

        // Numbers restart every year (Decree 30/2020/NĐ-CP), and another issuer has numbers of its own.
        await CreateAsync(editor, new DirectiveBody($"{n}/QĐ-UBND", "QĐ", issuer, IssuedOn: "2025-01-06", Abstract: $"Năm sau {token}"));
        await CreateAsync(editor, new DirectiveBody($"{n}/QĐ-UBND", "QĐ", await IssuerAsync(editor), IssuedOn: "2024-01-05", Abstract: $"Cơ quan khác {token}"));
        Assert.Equal(3, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_Party_number_used_twice_by_one_committee_in_a_year_is_a_409_whatever_the_day()
    {
        var (editor, _, token) = await ArrangeAsync();
        var committee = await IssuerAsync(editor, "HU");
        var n = NextNumber();
        var first = await CreateAsync(editor, new DirectiveBody($"{n}-KH/HU", "KH", committee, IssuedOn: "2024-05-29", Abstract: $"Đảng {token}"));
        await (await editor.PostJson("/api/v1/directives", new DirectiveBody($"{n}/KH-HU", "KH", committee, IssuedOn: "2024-05-29", Abstract: $"Đảng lặp {token}")))
            .ProblemNaming("number", HttpStatusCode.Conflict);
        // Another day of the same year is the same Party number of the same term, not a new document.
        var problem = await (await editor.PostJson("/api/v1/directives", new DirectiveBody($"{n}-KH/HU", "KH", committee, IssuedOn: "2024-11-02", Abstract: $"Đảng ngày khác {token}")))
            .ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(first["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(editor, token));

        // Another type, another committee or another year is another number.
        await CreateAsync(editor, new DirectiveBody($"{n}-CT/HU", "CT", committee, IssuedOn: "2024-11-02", Abstract: $"Chỉ thị {token}"));
        await CreateAsync(editor, new DirectiveBody($"{n}-KH/HU", "KH", await IssuerAsync(editor, "HU"), IssuedOn: "2024-11-02", Abstract: $"Huyện ủy khác {token}"));
        await CreateAsync(editor, new DirectiveBody($"{n}-KH/HU", "KH", committee, IssuedOn: "2025-01-03", Abstract: $"Năm sau {token}"));
        Assert.Equal(4, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_number_Portal_cannot_read_is_accepted_but_says_its_type_was_not_checked()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var created = await CreateAsync(editor, new DirectiveBody($"C2025-{NextNumber()}-11/HĐ-KHCN", "KH", issuer, Abstract: $"Không đọc được {token}"));
        Assert.Equal("unknown", created["numberSystem"]!.GetValue<string>());
        var warnings = created["numberWarnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("KH", StringComparison.Ordinal) && w.Contains("not checked", StringComparison.Ordinal));
        var read = await (await editor.GetAsync($"/api/v1/directives/{created["id"]}")).Json();
        Assert.Equal(warnings, read["numberWarnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList());

        // A number that can be read carries no such warning: its type code was checked.
        var checkedOne = await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Đọc được {token}"));
        Assert.Empty(checkedOne["numberWarnings"]!.AsArray());
    }

    [Fact]
    public async Task Of_two_concurrent_creates_of_one_number_exactly_one_wins()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var body = new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Cùng lúc {token}");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => editor.PostJson("/api/v1/directives", body)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_deleted_directive_gives_its_number_back()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var body = new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Xóa {token}");
        var first = await CreateAsync(editor, body);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/directives/{first["id"]}")).StatusCode);
        await CreateAsync(editor, body);
        Assert.Equal(1, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_rejected_update_leaves_the_directive_as_it_was()
    {
        var (editor, issuer, token) = await ArrangeAsync();
        var taken = $"{NextNumber()}/KH-UBND";
        await CreateAsync(editor, new DirectiveBody(taken, "KH", issuer, Abstract: $"Đã có {token}"));
        var mine = $"{NextNumber()}/KH-UBND";
        var id = (await CreateAsync(editor, new DirectiveBody(mine, "KH", issuer, Abstract: $"Của tôi {token}")))["id"]!.GetValue<string>();

        await (await editor.PutAsJsonAsync($"/api/v1/directives/{id}", new DirectiveBody(taken, "KH", issuer), Http.Options)).ProblemNaming("number", HttpStatusCode.Conflict);
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{id}", new DirectiveBody(mine, "CT", issuer), Http.Options)).ProblemNaming("typeCode", HttpStatusCode.UnprocessableEntity);
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{id}", new DirectiveBody("", "KH", issuer), Http.Options)).ProblemNaming("number");
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{id}", new DirectiveBody(mine, "KH", issuer, EffectiveOn: "2020-01-01"), Http.Options)).ProblemNaming("effectiveOn");

        var stored = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Equal(mine, stored["number"]!.GetValue<string>());
        Assert.Equal("KH", stored["type"]!["code"]!.GetValue<string>());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Malformed_JSON_and_unknown_ids_in_the_route_are_4xx_problems()
    {
        var (editor, _, _) = await ArrangeAsync();
        using var content = new StringContent("{\"number\": 12", System.Text.Encoding.UTF8, "application/json");
        await (await editor.PostAsync("/api/v1/directives", content)).Problem(HttpStatusCode.BadRequest);
        var unknown = Guid.NewGuid();
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{unknown}", new DirectiveBody("1/KH-UBND", "KH", null, IssuerName: "UBND"), Http.Options)).Problem(HttpStatusCode.NotFound);
        await (await editor.PostAsync($"/api/v1/directives/{unknown}/publish", null)).Problem(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Editor, string Issuer, string Token)> ArrangeAsync()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        return (editor, await IssuerAsync(editor), Token());
    }
}
