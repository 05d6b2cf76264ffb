using System.Net;
using System.Text.Json.Nodes;

namespace Portal.Tests.Infrastructure;

/// <summary>Helpers for feed-import tests: a Portal that may fetch from 127.0.0.1, sources, imports and RSS text.</summary>
public static class FeedTesting
{
    /// <summary>A Portal whose importer may reach the local feed server and whose poller loop is off (tests drive it).</summary>
    public static PortalApp App() => new PortalApp()
        .Setting("Feeds:AllowPrivateNetworks", "true")
        .Setting("Feeds:PollerEnabled", "false");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "feeds", name));

    public static async Task<string> CreateSourceAsync(this HttpClient admin, string url, bool publish = true, int interval = 60, bool enabled = true, string? categoryId = null)
    {
        var response = await admin.PostJson("/api/v1/feed-sources", new
        {
            name = Editing.Unique("Cổng thông tin điện tử tỉnh Đồng Nai"),
            url,
            categoryId,
            pollIntervalMinutes = interval,
            publishOnImport = publish,
            enabled,
        });
        return (await response.Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> ImportAsync(this HttpClient admin, string sourceId)
    {
        var response = await admin.PostAsync($"/api/v1/feed-sources/{sourceId}/import", null);
        return await response.Json();
    }

    /// <summary>Imports and asserts that the feed was read (outcome imported).</summary>
    public static async Task<JsonNode> ImportOkAsync(this HttpClient admin, string sourceId) => (await admin.ImportAsync(sourceId)).Expect("imported");

    private static void Unused()
    {
    }

    /// <summary>Asserts that a run report's outcome is <paramref name="outcome"/>, showing the whole report when it is not.</summary>
    public static JsonNode Expect(this JsonNode report, string outcome)
    {
        Assert.True(report["outcome"]?.GetValue<string>() == outcome, $"Expected outcome {outcome}: {report.ToJsonString()}");
        return report;
    }

    /// <summary>Articles (any status) whose text matches <paramref name="q"/>, as an editor lists them.</summary>
    public static async Task<JsonArray> FindArticlesAsync(this HttpClient editor, string q) =>
        (await (await editor.GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(q)}&pageSize=100")).Json())["items"]!.AsArray();

    public static async Task<JsonNode> ArticleAsync(this HttpClient editor, string id) =>
        await (await editor.GetAsync($"/api/v1/articles/{id}")).Json();

    /// <summary>An RSS 2.0 document around <paramref name="items"/>.</summary>
    public static string Rss(params string[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Tin tức</title>
            <link>https://baodongnai.example/</link>
            <description>Tin tức tỉnh Đồng Nai</description>
            {string.Join("\n", items)}
          </channel>
        </rss>
        """;

    public static string Item(string title, string? id, string? link, string? pubDate, string description) =>
        "<item><title>" + title + "</title>"
        + (link is null ? "" : "<link>" + link + "</link>")
        + (id is null ? "" : "<guid isPermaLink=\"false\">" + id + "</guid>")
        + (pubDate is null ? "" : "<pubDate>" + pubDate + "</pubDate>")
        + "<description><![CDATA[" + description + "]]></description></item>";

    public static int Number(this JsonNode? node, string property) => node![property]!.GetValue<int>();

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}

/// <summary>One <see cref="FeedTesting.App"/> shared by the tests of a class (each makes its own sources and data).</summary>
public sealed class FeedPortal : IDisposable
{
    public PortalApp App { get; } = FeedTesting.App();

    public void Dispose() => App.Dispose();
}

/// <summary>A local feed server, a Portal that may read from it, an admin client and a unique token for the test's data.</summary>
public sealed class FeedScene : IAsyncDisposable
{
    private FeedScene(FeedServer server, PortalApp app, HttpClient admin)
    {
        Server = server;
        App = app;
        Admin = admin;
    }

    public FeedServer Server { get; }

    public PortalApp App { get; }

    public HttpClient Admin { get; }

    public string Token { get; } = Guid.NewGuid().ToString("N");

    public static async Task<FeedScene> StartAsync(PortalApp? app = null)
    {
        var server = await FeedServer.StartAsync();
        app ??= FeedTesting.App();
        return new FeedScene(server, app, await app.ClientWithRoleAsync("admin"));
    }

    public void Deconstruct(out FeedServer server, out PortalApp app, out HttpClient admin, out string token) =>
        (server, app, admin, token) = (Server, App, Admin, Token);

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Server.DisposeAsync();
    }
}
