using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>PATCH on directives (RFC 7396 JSON Merge Patch): what is left out stays, the rest goes the way of a PUT.</summary>
public sealed class DirectivePatchTests : IDisposable
{
    private readonly PortalApp _app = new();

    private HttpClient Editor => _app.Client(PortalApp.AdminKey);

    private async Task<(string Id, string Number, string IssuerId)> CreateAsync()
    {
        var issuerId = await DirectiveData.IssuerAsync(Editor);
        var number = $"{DirectiveData.NextNumber()}/KH-UBND";
        var created = await DirectiveData.CreateAsync(Editor, new DirectiveBody(
            number, "KH", issuerId, EffectiveOn: "2024-06-01", ExpiresOn: "2025-06-01",
            ContentHtml: "<p>Nội dung</p>", Signer: "Nguyễn Văn A", Field: "Giáo dục"));
        return (created["id"]!.GetValue<string>(), number, issuerId);
    }

    [Fact]
    public async Task A_patch_of_the_abstract_keeps_every_other_field_and_the_relations()
    {
        var (id, number, issuerId) = await CreateAsync();
        var (target, _, _) = await CreateAsync();
        await (await Editor.PostJson($"/api/v1/directives/{id}/relations", new { kind = "guides", targetId = target })).Json();

        var patched = await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"abstract\":\"Trích yếu mới\"}")).Json();
        Assert.Equal("Trích yếu mới", patched["abstract"]!.GetValue<string>());
        Assert.Equal(number, patched["number"]!.GetValue<string>());
        Assert.Equal(issuerId, patched["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal("2024-06-01", patched["effectiveOn"]!.GetValue<string>());
        Assert.Equal("2025-06-01", patched["expiresOn"]!.GetValue<string>());
        Assert.Equal("<p>Nội dung</p>", patched["contentHtml"]!.GetValue<string>());
        Assert.Equal("Nguyễn Văn A", patched["signer"]!.GetValue<string>());
        Assert.Equal("Giáo dục", patched["field"]!.GetValue<string>());
        Assert.Single(patched["relations"]!.AsArray());
    }

    [Fact]
    public async Task Null_empties_optional_fields()
    {
        var (id, _, _) = await CreateAsync();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"signer\":null,\"field\":null,\"expiresOn\":null,\"contentHtml\":null}")).Json();
        Assert.Null(patched["signer"]);
        Assert.Null(patched["field"]);
        Assert.Null(patched["expiresOn"]);
        Assert.Null(patched["contentHtml"]);
        Assert.Equal("2024-06-01", patched["effectiveOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_issuerId_brings_its_catalogue_name_unless_a_printed_name_was_given()
    {
        var (id, _, _) = await CreateAsync();
        var other = await DirectiveData.IssuerAsync(Editor);
        var otherName = (await (await Editor.GetAsync($"/api/v1/issuing-bodies/{other}")).Json())["name"]!.GetValue<string>();
        var patched = await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", $"{{\"issuerId\":\"{other}\"}}")).Json();
        Assert.Equal(other, patched["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal(otherName, patched["issuer"]!["name"]!.GetValue<string>());

        patched = await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"issuerName\":\"UBND huyện Vĩnh Cửu (in trên văn bản)\"}")).Json();
        Assert.Equal("UBND huyện Vĩnh Cửu (in trên văn bản)", patched["issuer"]!["name"]!.GetValue<string>());
        patched = await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"abstract\":\"Đổi trích yếu\"}")).Json();
        Assert.Equal("UBND huyện Vĩnh Cửu (in trên văn bản)", patched["issuer"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"number\":null}", "number")]
    [InlineData("{\"issuedOn\":null}", "issuedOn")]
    [InlineData("{\"issuedOn\":\"29/05/2024\"}", "issuedOn")]
    [InlineData("{\"effectiveOn\":\"2020-01-01\"}", "effectiveOn")]
    [InlineData("{\"abstract\":\"\"}", "abstract")]
    [InlineData("{\"typeCode\":\"ZZ\"}", "typeCode")]
    [InlineData("{\"numberCanonical\":\"1-KH/UBND\"}", "numberCanonical")]
    [InlineData("{\"viewCount\":null}", "viewCount")]
    [InlineData("{\"issuer\":{\"name\":\"x\"}}", "issuer")]
    [InlineData("{\"signer\":[\"a\"]}", "signer")]
    public async Task A_bad_patch_is_a_400_naming_its_path(string json, string field)
    {
        var (id, _, _) = await CreateAsync();
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", json)).ProblemNaming(field);
    }

    [Fact]
    public async Task The_number_rules_of_PUT_hold_422_for_a_type_that_disagrees_409_for_a_taken_number()
    {
        var (id, _, issuerId) = await CreateAsync();
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"typeCode\":\"CT\"}")).ProblemNaming("typeCode", HttpStatusCode.UnprocessableEntity);
        var taken = $"{DirectiveData.NextNumber()}/KH-UBND";
        await DirectiveData.CreateAsync(Editor, new DirectiveBody(taken, "KH", issuerId));
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", $"{{\"number\":\"{taken}\"}}")).ProblemNaming("number", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_a_wrong_media_type_415()
    {
        var (id, _, _) = await CreateAsync();
        var etag = (await Editor.GetAsync($"/api/v1/directives/{id}")).Headers.ETag!;
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"signer\":\"B\"}", etag)).Json();
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"signer\":\"C\"}", etag)).Problem(HttpStatusCode.PreconditionFailed);
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"signer\":\"C\"}", contentType: "application/json")).Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_patch_of_a_published_directive_reaches_delta_sync()
    {
        var (id, _, _) = await CreateAsync();
        await DirectiveData.PublishAsync(Editor, id);
        var sync = new SyncClient(_app.Client(), "directive");
        await sync.PullAsync();
        await (await Editor.MergePatchAsync($"/api/v1/directives/{id}", "{\"abstract\":\"Đồng bộ sau khi vá\"}")).Json();
        Assert.Equal(1, await sync.PullAsync());
        Assert.Equal("Đồng bộ sau khi vá", sync.Items[$"directive:{id}"]["directive"]!["abstract"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
