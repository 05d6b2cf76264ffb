using System.Net;
using System.Text;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Every instant and date the API reads — JSON bodies and query parameters — follows one rule, whatever the server's
/// zone or culture: an instant carries its offset or Z (RFC 3339), a date is YYYY-MM-DD; anything else is a 400 naming
/// the field. The category "Time" runs again under other time zones in <c>make test</c>.
/// </summary>
[Trait("Category", "Time")]
public sealed class TimeInputTests(TimeInputTests.Data data) : IClassFixture<TimeInputTests.Data>
{
    /// <summary>A draft article, a draft directive and an issuing body to aim bad values at (a refused write changes nothing).</summary>
    public sealed class Data : IAsyncLifetime
    {
        public PortalApp App { get; } = new();

        public HttpClient Admin { get; private set; } = null!;

        public string ArticleId { get; private set; } = "";

        public string DirectiveId { get; private set; } = "";

        public string IssuerId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Admin = App.Client(PortalApp.AdminKey);
            ArticleId = (await Admin.CreateArticleAsync(Editing.Article(Editing.Unique("Thời gian"))))["id"]!.GetValue<string>();
            IssuerId = await DirectiveData.IssuerAsync(Admin);
            DirectiveId = (await DirectiveData.CreateAsync(Admin, new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", IssuerId)))["id"]!.GetValue<string>();
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly string[] NotInstants =
    [
        "2024-03-01T00:30:00", // the example: no offset
        "2024-03-01T00:30:00.500",
        "2024-03-01 00:30:00+07:00",
        "2024-03-01T00:30+07:00",
        "2024-03-01T00:30:00+0700",
        "2024-03-01",
        "01/03/2024 00:30:00",
        "03/01/2024 00:30:00 +07:00",
    ];

    private static readonly string[] NotDates =
    [
        "04/06/2024", // the example: month-first to the invariant culture
        "4/6/2024",
        "04.06.2024",
        "2024-6-4",
        "20240604",
        "2024-06-04T00:00:00Z",
        "2024-06-04T00:00:00",
    ];

    private static readonly string[] InstantBodies = ["article publish", "directive publish", "settings put startsAt", "settings put endsAt", "settings patch startsAt"];
    private static readonly string[] DateBodies = ["directive issuedOn", "directive effectiveOn", "directive expiresOn", "directive put issuedOn", "issuer validFrom", "issuer validTo"];

    public static TheoryData<string, string> InstantBodyCases() => Cross(InstantBodies, NotInstants);

    public static TheoryData<string, string> DateBodyCases() => Cross(DateBodies, NotDates);

    [Theory]
    [MemberData(nameof(InstantBodyCases))]
    public async Task An_instant_in_a_body_without_offset_or_in_another_form_is_a_400_naming_it(string input, string value)
    {
        var (response, field) = await SendAsync(input, JsonSerializer.Serialize(value));
        var problem = await response.ProblemNaming(field);
        Assert.Contains("RFC 3339", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DateBodyCases))]
    public async Task A_date_in_a_body_not_written_YYYY_MM_DD_is_a_400_naming_it(string input, string value)
    {
        var (response, field) = await SendAsync(input, JsonSerializer.Serialize(value));
        var problem = await response.ProblemNaming(field);
        Assert.Contains("YYYY-MM-DD", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> QueryCases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var value in NotInstants)
        {
            cases.Add("/api/v1/articles?from=", "from", value);
            cases.Add("/api/v1/articles?to=", "to", value);
        }

        foreach (var value in NotDates)
        {
            cases.Add("/api/v1/hits/daily?from=", "from", value);
            cases.Add("/api/v1/hits/daily?to=", "to", value);
            cases.Add("/api/v1/issuing-bodies?activeOn=", "activeOn", value);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task A_time_query_parameter_in_another_form_is_a_400_naming_it(string url, string parameter, string value)
    {
        foreach (var client in new[] { data.App.Client(), data.Admin })
        {
            var problem = await (await client.GetAsync(url + Uri.EscapeDataString(value))).ProblemNaming(parameter);
            var message = problem["errors"]![parameter]![0]!.GetValue<string>();
            Assert.Contains(parameter, message, StringComparison.Ordinal);
            Assert.Matches("RFC 3339|YYYY-MM-DD", message);
        }
    }

    [Fact]
    public async Task A_publish_instant_means_the_same_in_every_form_that_carries_an_offset()
    {
        foreach (var form in new[] { "2024-03-01T07:30:00+07:00", "2024-03-01T00:30:00Z", "2024-03-01t00:30:00z", "2024-02-29T19:30:00.000-05:00" })
        {
            var id = (await data.Admin.CreateArticleAsync(Editing.Article(Editing.Unique("Đăng"))))["id"]!.GetValue<string>();
            var published = await (await data.Admin.PostAsync($"/api/v1/articles/{id}/publish", Json($$"""{"publishAt":"{{form}}"}"""))).Json();
            Assert.Equal("2024-03-01T00:30:00Z", published["publishedAt"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_list_bound_by_an_instant_is_the_same_whether_it_is_given_in_Vietnamese_time_or_UTC()
    {
        var vietnam = await (await data.App.Client().GetAsync("/api/v1/articles?from=" + Uri.EscapeDataString("2024-06-04T08:00:00+07:00"))).Json();
        var utc = await (await data.App.Client().GetAsync("/api/v1/articles?from=2024-06-04T01:00:00Z")).Json();
        Assert.Equal(utc["totalItems"]!.GetValue<int>(), vietnam["totalItems"]!.GetValue<int>());
        Assert.True(utc["totalItems"]!.GetValue<int>() > 0, "the seeded article was published at 2024-06-04T01:00:00Z");
        var after = await (await data.App.Client().GetAsync("/api/v1/articles?from=" + Uri.EscapeDataString("2024-06-04T08:00:01+07:00"))).Json();
        Assert.True(after["totalItems"]!.GetValue<int>() < utc["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dates_written_YYYY_MM_DD_are_read_as_written()
    {
        var body = new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", data.IssuerId, IssuedOn: "2024-06-04", EffectiveOn: "2024-06-05", ExpiresOn: "2024-12-31");
        var created = await DirectiveData.CreateAsync(data.Admin, body);
        Assert.Equal("2024-06-04", created["issuedOn"]!.GetValue<string>());
        Assert.Equal("2024-06-05", created["effectiveOn"]!.GetValue<string>());
        Assert.Equal("2024-12-31", created["expiresOn"]!.GetValue<string>());
        var days = await (await data.App.Client().GetAsync("/api/v1/hits/daily?from=2026-11-01&to=2026-11-04")).Json();
        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"], days.AsArray().Select(d => d!["date"]!.GetValue<string>()));
    }

    private static TheoryData<string, string> Cross(string[] inputs, string[] values)
    {
        var cases = new TheoryData<string, string>();
        foreach (var input in inputs)
        {
            foreach (var value in values)
            {
                cases.Add(input, value);
            }
        }

        return cases;
    }

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    /// <summary>Sends <paramref name="value"/> (raw JSON) as the input named; returns the response and the field it must name.</summary>
    private async Task<(HttpResponseMessage Response, string Field)> SendAsync(string input, string value)
    {
        var admin = data.Admin;
        var directive = new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", data.IssuerId);
        var directiveJson = JsonSerializer.SerializeToNode(directive, Http.Options)!.AsObject();
        string DirectiveWith(string member)
        {
            directiveJson[member] = System.Text.Json.Nodes.JsonNode.Parse(value);
            return directiveJson.ToJsonString();
        }

        switch (input)
        {
            case "article publish":
                return (await admin.PostAsync($"/api/v1/articles/{data.ArticleId}/publish", Json($$"""{"publishAt":{{value}}}""")), "publishAt");
            case "directive publish":
                return (await admin.PostAsync($"/api/v1/directives/{data.DirectiveId}/publish", Json($$"""{"publishAt":{{value}}}""")), "publishAt");
            case "settings put startsAt" or "settings put endsAt":
                var member = input.EndsWith("startsAt", StringComparison.Ordinal) ? "startsAt" : "endsAt";
                var body = SettingsRequests.ValidBody().Set("banners", $$"""[{"title":"Băng rôn","{{member}}":{{value}}}]""");
                return (await admin.PutAsync(body, "*"), $"banners[0].{member}");
            case "settings patch startsAt":
                return (await admin.PatchAsync($$"""{"banners":[{"title":"Băng rôn","startsAt":{{value}}}]}""", "*"), "banners[0].startsAt");
            case "directive put issuedOn":
                return (await admin.PutAsync($"/api/v1/directives/{data.DirectiveId}", Json(DirectiveWith("issuedOn"))), "issuedOn");
            case "issuer validFrom" or "issuer validTo":
                var name = input.Split(' ')[1];
                return (await admin.PostAsync("/api/v1/issuing-bodies", Json($$"""{"name":"Cơ quan {{DirectiveData.Token()}}","code":"UBND","level":"district","{{name}}":{{value}}}""")), name);
            default:
                var field = input.Split(' ')[1];
                return (await admin.PostAsync("/api/v1/directives", Json(DirectiveWith(field))), field);
        }
    }
}
