using System.Net;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>Editors create, edit, publish, schedule, archive and delete directives; anonymous readers see only what is published.</summary>
public sealed class DirectivesLifecycleTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _anonymous = portal.App.Client();

    [Fact]
    public async Task A_created_directive_is_a_draft_with_its_number_parsed_and_read_only_by_editors()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor, "HU");
        var n = NextNumber();
        var created = await CreateAsync(editor, new DirectiveBody($"{n}/KH-HU", "KH", issuer, IssuerName: "Ban Thường vụ Huyện ủy Vĩnh Cửu", Signer: "Nguyễn Văn A", Field: "Trẻ em"));

        Assert.Equal("draft", created["status"]!.GetValue<string>());
        Assert.Equal($"{n}/KH-HU", created["number"]!.GetValue<string>());
        Assert.Equal($"{n}-KH/HU", created["numberCanonical"]!.GetValue<string>());
        Assert.Equal("party", created["numberSystem"]!.GetValue<string>());
        Assert.Equal("Kế hoạch", created["type"]!["name"]!.GetValue<string>());
        Assert.Equal("Ban Thường vụ Huyện ủy Vĩnh Cửu", created["issuer"]!["name"]!.GetValue<string>());
        Assert.Equal(issuer, created["issuer"]!["id"]!.GetValue<string>());
        Assert.Empty(created["attachments"]!.AsArray());
        var id = created["id"]!.GetValue<string>();

        var read = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Equal("draft", read["status"]!.GetValue<string>());
        await (await _anonymous.GetAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_is_invisible_anonymously_on_every_directive_route()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var token = Token();
        var published = await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer, Abstract: $"Quyết định công bố {token}"));
        var draft = await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Kế hoạch nháp {token}"));
        var (draftId, publishedId) = (draft["id"]!.GetValue<string>(), published["id"]!.GetValue<string>());
        await (await editor.PostJson($"/api/v1/directives/{draftId}/relations", new { kind = "implements", targetId = publishedId })).Json();
        var upload = await DirectivesAttachmentTests.UploadAsync(editor, draftId, DirectivesAttachmentTests.Pdf(), "Kế hoạch.pdf");
        var attachmentUrl = (await upload.Json(HttpStatusCode.Created))["url"]!.GetValue<string>();

        foreach (var url in new[]
        {
            $"/api/v1/directives/{draftId}",
            $"/api/v1/directives/by-number/{Uri.EscapeDataString(draft["number"]!.GetValue<string>())}",
            $"/api/v1/directives/{draftId}/related",
            $"/api/v1/directives/{draftId}/articles",
            attachmentUrl,
        })
        {
            await (await _anonymous.GetAsync(url)).Problem(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
        }

        Assert.Equal(1, await CountAsync(_anonymous, token));
        Assert.Equal(2, await CountAsync(editor, token));
        var related = await (await _anonymous.GetAsync($"/api/v1/directives/{publishedId}/related")).Json();
        Assert.Empty(related.AsArray());
        var publishedRead = await (await _anonymous.GetAsync($"/api/v1/directives/{publishedId}")).Json();
        Assert.Empty(publishedRead["relations"]!.AsArray());
        var editorsView = await (await editor.GetAsync($"/api/v1/directives/{publishedId}/related")).Json();
        Assert.Equal(draftId, Assert.Single(editorsView.AsArray())!["directive"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_shows_a_directive_and_unpublishing_archiving_or_deleting_hides_it_again()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var token = Token();
        var id = (await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/CT-UBND", "CT", issuer, Abstract: $"Chỉ thị {token}")))["id"]!.GetValue<string>();

        Assert.Equal("published", (await PublishAsync(editor, id))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/api/v1/directives/{id}")).StatusCode);
        Assert.Equal(1, await CountAsync(_anonymous, token));

        Assert.Equal("draft", (await (await editor.PostAsync($"/api/v1/directives/{id}/unpublish", null)).Json())["status"]!.GetValue<string>());
        await (await _anonymous.GetAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);

        await PublishAsync(editor, id);
        Assert.Equal("archived", (await (await editor.PostAsync($"/api/v1/directives/{id}/archive", null)).Json())["status"]!.GetValue<string>());
        await (await _anonymous.GetAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(_anonymous, token));
        await (await editor.PostJson($"/api/v1/directives/{id}/publish", new { })).Problem(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/directives/{id}")).StatusCode);
        await (await editor.GetAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);
        await (await editor.DeleteAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(editor, token));
    }

    [Fact]
    public async Task A_scheduled_directive_appears_exactly_when_the_clock_passes_its_instant()
    {
        using var app = new PortalApp();
        var editor = await app.ClientWithRoleAsync("editor");
        var anonymous = app.Client();
        var issuer = await IssuerAsync(editor);
        var token = Token();
        var number = $"{NextNumber()}/TB-UBND";
        var id = (await CreateAsync(editor, new DirectiveBody(number, "TB", issuer, Abstract: $"Thông báo {token}")))["id"]!.GetValue<string>();
        var at = app.Clock.GetUtcNow().AddHours(2);

        var scheduled = await PublishAsync(editor, id, new { publishAt = at });
        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());
        var byNumber = $"/api/v1/directives/by-number/{Uri.EscapeDataString(number)}";

        app.Clock.SetUtcNow(at.AddTicks(-1));
        await (await anonymous.GetAsync($"/api/v1/directives/{id}")).Problem(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(byNumber)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(anonymous, token));

        app.Clock.SetUtcNow(at);
        Assert.Equal("published", (await (await anonymous.GetAsync($"/api/v1/directives/{id}")).Json())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(byNumber)).StatusCode);
        Assert.Equal(1, await CountAsync(anonymous, token));
    }

    [Fact]
    public async Task Two_concurrent_PUTs_with_the_same_If_Match_give_one_200_and_one_412()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var number = $"{NextNumber()}/KH-UBND";
        var id = (await CreateAsync(editor, new DirectiveBody(number, "KH", issuer)))["id"]!.GetValue<string>();
        var etag = (await editor.GetAsync($"/api/v1/directives/{id}")).Headers.ETag!;

        var responses = await Task.WhenAll(new[] { "Bản thứ nhất", "Bản thứ hai" }.Select(text =>
            editor.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/directives/{id}", etag, new DirectiveBody(number, "KH", issuer, Abstract: text)))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Json();
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).Problem(HttpStatusCode.PreconditionFailed);
        var stored = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Equal(winner["abstract"]!.GetValue<string>(), stored["abstract"]!.GetValue<string>());
        Assert.Equal(2, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_PUT_replaces_the_fields_returns_the_new_ETag_and_a_stale_one_then_changes_nothing()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var n = NextNumber();
        var id = (await CreateAsync(editor, new DirectiveBody($"{n}/KH-UBND", "KH", issuer, Signer: "Người ký cũ")))["id"]!.GetValue<string>();
        var first = (await editor.GetAsync($"/api/v1/directives/{id}")).Headers.ETag!;

        var updated = await editor.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/directives/{id}", first,
            new DirectiveBody($"{n}/QĐ-UBND", "QĐ", issuer, IssuedOn: "2024-06-03", EffectiveOn: "2024-06-10")));
        var body = await updated.Json();
        Assert.Equal($"{n}/QĐ-UBND", body["number"]!.GetValue<string>());
        Assert.Equal("Quyết định", body["type"]!["name"]!.GetValue<string>());
        Assert.Equal("2024-06-10", body["effectiveOn"]!.GetValue<string>());
        Assert.Null(body["signer"]);
        Assert.Equal((await editor.GetAsync($"/api/v1/directives/{id}")).Headers.ETag, updated.Headers.ETag);

        var stale = await editor.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/directives/{id}", first, new DirectiveBody($"{n}/CT-UBND", "CT", issuer)));
        await stale.Problem(HttpStatusCode.PreconditionFailed);
        var deleteStale = await editor.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/directives/{id}", first));
        await deleteStale.Problem(HttpStatusCode.PreconditionFailed);
        var after = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Equal($"{n}/QĐ-UBND", after["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editors_list_drafts_and_filter_by_status_while_anonymous_callers_may_not_ask_for_status()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var token = Token();
        await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Nháp {token}"));
        await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", issuer, Abstract: $"Đã đăng {token}"));

        var drafts = await (await editor.GetAsync($"/api/v1/directives?q={token}&status=draft")).Json();
        Assert.Equal("draft", Assert.Single(drafts["items"]!.AsArray())!["status"]!.GetValue<string>());
        await (await _anonymous.GetAsync($"/api/v1/directives?q={token}&status=draft")).Problem(HttpStatusCode.Unauthorized);
        await (await editor.GetAsync("/api/v1/directives?status=hidden")).ProblemNaming("status");
    }

    [Fact]
    public async Task The_list_filters_by_issuer_and_year_and_sorts_by_issue_date_newest_first()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        foreach (var date in new[] { "2023-03-01", "2024-11-20", "2024-02-14" })
        {
            await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/TB-UBND", "TB", issuer, IssuedOn: date));
        }

        var all = await (await _anonymous.GetAsync($"/api/v1/directives?issuer={issuer}")).Json();
        Assert.Equal(["2024-11-20", "2024-02-14", "2023-03-01"], all["items"]!.AsArray().Select(i => i!["issuedOn"]!.GetValue<string>()));
        var of2024 = await (await _anonymous.GetAsync($"/api/v1/directives?issuer={issuer}&year=2024&type=TB&sort=issuedOn")).Json();
        Assert.Equal(["2024-02-14", "2024-11-20"], of2024["items"]!.AsArray().Select(i => i!["issuedOn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Writes_need_an_editor_key()
    {
        var body = new DirectiveBody("1/KH-UBND", "KH", null, IssuerName: "UBND huyện");
        await (await _anonymous.PostJson("/api/v1/directives", body)).Problem(HttpStatusCode.Unauthorized);
        var seeded = await (await _anonymous.GetAsync("/api/v1/directives/by-number/28-CT%2FTW")).Json();
        await (await _anonymous.DeleteAsync($"/api/v1/directives/{seeded["id"]}")).Problem(HttpStatusCode.Unauthorized);
        await (await _anonymous.PostAsync($"/api/v1/directives/{seeded["id"]}/archive", null)).Problem(HttpStatusCode.Unauthorized);
    }
}
