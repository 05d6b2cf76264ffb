using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>Links between directives: implements, amends, replaces, guides — shown from both ends.</summary>
public sealed class DirectivesRelationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly HttpClient _anonymous = portal.App.Client();

    [Fact]
    public async Task The_plan_lists_the_Politburo_directive_it_implements_among_its_related_directives()
    {
        var plan = await (await _anonymous.GetAsync("/api/v1/directives/by-number/211%20kh%20hu")).Json();
        var related = await (await _anonymous.GetAsync($"/api/v1/directives/{plan["id"]}/related")).Json();
        var link = Assert.Single(related.AsArray())!;
        Assert.Equal("implements", link["kind"]!.GetValue<string>());
        Assert.Equal("outgoing", link["direction"]!.GetValue<string>());
        Assert.Equal("28-CT/TW", link["directive"]!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_added_by_an_editor_shows_on_both_ends_and_can_be_removed()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var guidance = await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/HD-UBND", "HD", issuer));
        var decision = await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer));
        var (g, d) = (Id(guidance), Id(decision));

        var linked = await (await editor.PostJson($"/api/v1/directives/{g}/relations", new { kind = "guides", targetId = d })).Json();
        Assert.Equal("guides", Assert.Single(linked["relations"]!.AsArray())!["kind"]!.GetValue<string>());
        Assert.Equal(guidance["version"]!.GetValue<int>() + 1, linked["version"]!.GetValue<int>());
        var again = await (await editor.PostJson($"/api/v1/directives/{g}/relations", new { kind = "guides", targetId = d })).Json();
        Assert.Single(again["relations"]!.AsArray());

        var incoming = Assert.Single((await (await _anonymous.GetAsync($"/api/v1/directives/{d}/related")).Json()).AsArray())!;
        Assert.Equal("incoming", incoming["direction"]!.GetValue<string>());
        Assert.Equal(g, incoming["directive"]!["id"]!.GetValue<string>());

        var removed = await (await editor.DeleteAsync($"/api/v1/directives/{g}/relations/guides/{d}")).Json();
        Assert.Empty(removed["relations"]!.AsArray());
        Assert.Empty((await (await _anonymous.GetAsync($"/api/v1/directives/{d}/related")).Json()).AsArray());
        await (await editor.DeleteAsync($"/api/v1/directives/{g}/relations/guides/{d}")).Problem(HttpStatusCode.NotFound);
        await (await editor.DeleteAsync($"/api/v1/directives/{g}/relations/copies/{d}")).ProblemNaming("kind");
    }

    [Fact]
    public async Task A_link_to_itself_or_to_an_unknown_directive_is_a_400_naming_targetId_and_nothing_is_stored()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = Id(await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor))));

        await (await editor.PostJson($"/api/v1/directives/{id}/relations", new { kind = "amends", targetId = id })).ProblemNaming("targetId");
        await (await editor.PostJson($"/api/v1/directives/{id}/relations", new { kind = "amends", targetId = Guid.NewGuid() })).ProblemNaming("targetId");
        await (await editor.PostJson($"/api/v1/directives/{id}/relations", new { kind = "amends" })).ProblemNaming("targetId");
        await (await editor.PostJson($"/api/v1/directives/{id}/relations", new { kind = "copies", targetId = id })).ProblemNaming("kind");
        await (await editor.PostJson($"/api/v1/directives/{Guid.NewGuid()}/relations", new { kind = "amends", targetId = id })).Problem(HttpStatusCode.NotFound);

        var stored = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Empty(stored["relations"]!.AsArray());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Replacements_that_would_go_round_in_a_circle_are_a_422_and_nothing_is_stored()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var ids = new List<string>();
        foreach (var year in new[] { "2022-03-01", "2023-03-01", "2024-03-01" })
        {
            ids.Add(Id(await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer, IssuedOn: year))));
        }

        // 2024 replaces 2023, which replaces 2022; 2022 replacing 2024 would close the circle.
        await (await editor.PostJson($"/api/v1/directives/{ids[2]}/relations", new { kind = "replaces", targetId = ids[1] })).Json();
        await (await editor.PostJson($"/api/v1/directives/{ids[1]}/relations", new { kind = "replaces", targetId = ids[0] })).Json();
        var problem = await (await editor.PostJson($"/api/v1/directives/{ids[0]}/relations", new { kind = "replaces", targetId = ids[2] }))
            .ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("circle", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await editor.PostJson($"/api/v1/directives/{ids[1]}/relations", new { kind = "replaces", targetId = ids[2] }))
            .ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);

        // Other kinds of link may point back: a later decision can be guided by an earlier one.
        await (await editor.PostJson($"/api/v1/directives/{ids[0]}/relations", new { kind = "guides", targetId = ids[2] })).Json();
        var oldest = await (await editor.GetAsync($"/api/v1/directives/{ids[0]}")).Json();
        Assert.DoesNotContain(oldest["relations"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "replaces" && r["direction"]!.GetValue<string>() == "outgoing");
    }

    [Fact]
    public async Task The_Politburo_directive_cannot_implement_the_plan_that_implements_it()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var plan = await (await editor.GetAsync("/api/v1/directives/by-number/211%2FKH-HU")).Json();
        var directive = await (await editor.GetAsync("/api/v1/directives/by-number/28-CT%2FTW")).Json();
        var problem = await (await editor.PostJson($"/api/v1/directives/{Id(directive)}/relations", new { kind = "implements", targetId = Id(plan) }))
            .ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("circle", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var stored = await (await editor.GetAsync($"/api/v1/directives/{Id(directive)}")).Json();
        Assert.Equal(directive["version"]!.GetValue<int>(), stored["version"]!.GetValue<int>());
        Assert.DoesNotContain(stored["relations"]!.AsArray(), r => r!["direction"]!.GetValue<string>() == "outgoing");
    }

    [Theory]
    [InlineData("implements")]
    [InlineData("amends")]
    [InlineData("replaces")]
    [InlineData("guides")]
    public async Task Links_of_one_kind_that_would_go_round_in_a_circle_are_a_422_naming_targetId_and_nothing_is_stored(string kind)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var (a, b, c) = await ThreeAsync(editor);

        // a → b → c; a → c only shortens the way and is no circle.
        await (await editor.PostJson($"/api/v1/directives/{a}/relations", new { kind, targetId = b })).Json();
        await (await editor.PostJson($"/api/v1/directives/{b}/relations", new { kind, targetId = c })).Json();
        await (await editor.PostJson($"/api/v1/directives/{a}/relations", new { kind, targetId = c })).Json();

        // Back along one link, or along the whole chain, from either end.
        foreach (var (from, to) in new[] { (b, a), (c, b), (c, a) })
        {
            var problem = await (await editor.PostJson($"/api/v1/directives/{from}/relations", new { kind, targetId = to }))
                .ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);
            Assert.Contains("circle", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var last = await (await editor.GetAsync($"/api/v1/directives/{c}")).Json();
        Assert.Equal(1, last["version"]!.GetValue<int>());
        Assert.DoesNotContain(last["relations"]!.AsArray(), r => r!["direction"]!.GetValue<string>() == "outgoing");
    }

    [Fact]
    public async Task Implements_amends_and_replaces_may_not_go_round_in_a_circle_in_any_mix_while_guides_may_point_back()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var (a, b, c) = await ThreeAsync(editor);
        await (await editor.PostJson($"/api/v1/directives/{a}/relations", new { kind = "implements", targetId = b })).Json();
        await (await editor.PostJson($"/api/v1/directives/{b}/relations", new { kind = "amends", targetId = c })).Json();

        foreach (var kind in new[] { "replaces", "implements", "amends" })
        {
            await (await editor.PostJson($"/api/v1/directives/{c}/relations", new { kind, targetId = a })).ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);
        }

        await (await editor.PostJson($"/api/v1/directives/{b}/relations", new { kind = "replaces", targetId = a }))
            .ProblemNaming("targetId", HttpStatusCode.UnprocessableEntity);
        await (await editor.PostJson($"/api/v1/directives/{c}/relations", new { kind = "guides", targetId = a })).Json();
    }

    [Fact]
    public async Task A_deleted_directive_no_longer_closes_a_circle()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var (a, b, c) = await ThreeAsync(editor);
        await (await editor.PostJson($"/api/v1/directives/{a}/relations", new { kind = "implements", targetId = b })).Json();
        await (await editor.PostJson($"/api/v1/directives/{b}/relations", new { kind = "implements", targetId = c })).Json();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/directives/{b}")).StatusCode);
        await (await editor.PostJson($"/api/v1/directives/{c}/relations", new { kind = "implements", targetId = a })).Json();
    }

    private static async Task<(string A, string B, string C)> ThreeAsync(HttpClient editor)
    {
        var issuer = await IssuerAsync(editor);
        var ids = new List<string>();
        foreach (var year in new[] { "2024-03-01", "2023-03-01", "2022-03-01" })
        {
            ids.Add(Id(await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer, IssuedOn: year))));
        }

        return (ids[0], ids[1], ids[2]);
    }

    [Fact]
    public async Task A_directive_reads_as_replaced_once_its_replacement_is_published()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await IssuerAsync(editor);
        var old = Id(await PublishedAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer, IssuedOn: "2020-06-01")));
        var replacement = Id(await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/QĐ-UBND", "QĐ", issuer, IssuedOn: "2024-06-01")));
        await (await editor.PostJson($"/api/v1/directives/{replacement}/relations", new { kind = "replaces", targetId = old })).Json();

        Assert.Equal("inForce", (await (await _anonymous.GetAsync($"/api/v1/directives/{old}")).Json())["validity"]!.GetValue<string>());
        await PublishAsync(editor, replacement);
        Assert.Equal("replaced", (await (await _anonymous.GetAsync($"/api/v1/directives/{old}")).Json())["validity"]!.GetValue<string>());
        var replacedList = await (await _anonymous.GetAsync($"/api/v1/directives?issuer={issuer}&validity=replaced")).Json();
        Assert.Equal(old, Assert.Single(replacedList["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    private static string Id(JsonNode directive) => directive["id"]!.GetValue<string>();
}
