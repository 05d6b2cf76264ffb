using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>
/// A number is unique for its issuer whichever way the issuer is given: by catalogue id (the name is then the
/// catalogue's), by printed name alone, or both (DirectiveUniqueness).
/// </summary>
public sealed class DirectivesIssuerUniquenessTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task The_seeded_plan_cannot_be_entered_again_by_its_issuer_s_name()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var plan = await (await editor.GetAsync("/api/v1/directives/by-number/211%2FKH-HU")).Json();
        var token = Token();
        var response = await editor.PostJson("/api/v1/directives", new DirectiveBody(
            "211/KH-HU", "KH", null, IssuerName: "Ban Thường vụ Huyện ủy Vĩnh Cửu", IssuedOn: "2024-07-01", Abstract: $"Bản sao {token}"));
        var problem = await response.ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(plan["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(editor, token));
        var found = await (await editor.GetAsync("/api/v1/directives/by-number/211%2FKH-HU")).Json();
        Assert.Equal(plan["id"]!.GetValue<string>(), found["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{0}-KH/HU", "HU", false)]
    [InlineData("{0}-KH/HU", "HU", true)]
    [InlineData("{0}/KH-UBND", "UBND", false)]
    [InlineData("{0}/KH-UBND", "UBND", true)]
    public async Task A_number_given_once_by_issuer_id_and_once_by_issuer_name_is_a_409_naming_number(string pattern, string code, bool nameFirst)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var (issuer, name) = await IssuerWithNameAsync(editor, code);
        var number = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, NextNumber());
        var token = Token();
        var byId = new DirectiveBody(number, "KH", issuer, IssuedOn: "2024-03-01", Abstract: $"Theo mã {token}");
        // Printed in capitals, as in a document's header: case and marks do not make another issuer.
        var byName = new DirectiveBody(number, "KH", null, IssuerName: name.ToUpperInvariant(), IssuedOn: "2024-11-20", Abstract: $"Theo tên {token}");

        var first = await CreateAsync(editor, nameFirst ? byName : byId);
        var problem = await (await editor.PostJson("/api/v1/directives", nameFirst ? byId : byName)).ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(first["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(editor, token));

        // The same goes for an update that would make another directive the copy.
        var other = await CreateAsync(editor, new DirectiveBody(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, NextNumber()), "KH", null, IssuerName: name, IssuedOn: "2024-03-01", Abstract: $"Khác {token}"));
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{other["id"]}", nameFirst ? byId : byName, Http.Options)).ProblemNaming("number", HttpStatusCode.Conflict);

        // Another year is another number.
        await CreateAsync(editor, (nameFirst ? byId : byName) with { IssuedOn = "2025-01-10" });
        Assert.Equal(3, await CountAsync(editor, token));
    }

    [Fact]
    public async Task Directives_linked_to_one_issuer_are_one_issuer_whatever_name_they_print()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var (issuer, _) = await IssuerWithNameAsync(editor, "UBND");
        var number = $"{NextNumber()}/QĐ-UBND";
        var token = Token();
        var first = await CreateAsync(editor, new DirectiveBody(number, "QĐ", issuer, IssuerName: "UBND huyện thử nghiệm", IssuedOn: "2024-02-02", Abstract: $"Tên in {token}"));
        var problem = await (await editor.PostJson("/api/v1/directives", new DirectiveBody(number, "QĐ", issuer, IssuedOn: "2024-09-09", Abstract: $"Tên danh mục {token}")))
            .ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(first["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(editor, token));
    }

    private static async Task<(string Id, string Name)> IssuerWithNameAsync(HttpClient editor, string code)
    {
        var id = await IssuerAsync(editor, code);
        var body = await (await editor.GetAsync($"/api/v1/issuing-bodies/{id}")).Json();
        return (id, body["name"]!.GetValue<string>());
    }
}
