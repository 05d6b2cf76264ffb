using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>A burst of hits neither loses counts nor locks editors out of the database.</summary>
public sealed class HitConcurrencyTests : IDisposable
{
    private const int Clients = 64;
    private const int PageViews = 5_000;
    private const int Saves = 10;

    private readonly PortalApp _app = new();

    [Fact]
    public async Task Sixty_four_clients_post_5000_page_views_while_an_admin_saves_settings_and_every_count_is_exact()
    {
        var admin = await _app.ClientWithRoleAsync("admin");
        var created = await (await admin.PostJson("/api/v1/articles", new { title = "Bài viết đếm lượt xem đồng thời" })).Json(HttpStatusCode.Created);
        var articleId = created["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/v1/articles/{articleId}/publish", new { })).StatusCode);
        var before = await (await _app.Client().GetAsync("/api/v1/hits")).Json();

        var statuses = new ConcurrentBag<HttpStatusCode>();
        var next = -1;
        var posters = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            var client = _app.Client();
            for (var n = Interlocked.Increment(ref next); n < PageViews; n = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits")
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new { path = "/tin-tuc", articleId = n % 10 == 0 ? articleId : (Guid?)null }),
                };
                request.Headers.Add("X-Visitor-Id", $"burst-visitor-{n:D5}");
                statuses.Add((await client.SendAsync(request)).StatusCode);
            }
        }));
        var saves = Task.Run(async () =>
        {
            var results = new List<HttpStatusCode>();
            for (var k = 0; k < Saves; k++)
            {
                var body = SettingsRequests.ValidBody().Set("siteName", $"\"Trang thông tin điện tử — lần lưu {k}\"");
                var response = await admin.PutAsync(body, await SettingsRequests.ETagAsync(admin));
                results.Add(response.StatusCode);
            }

            return results;
        });
        await Task.WhenAll(posters);
        var saveStatuses = await saves;

        Assert.Equal(PageViews, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.All(saveStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var settings = await (await _app.Client().GetAsync(SettingsRequests.Url)).Json();
        Assert.Equal($"Trang thông tin điện tử — lần lưu {Saves - 1}", settings["siteName"]!.GetValue<string>());

        await AssertCountsAsync(before, articleId);
        // And the same once everything is in the database.
        await _app.Services.GetRequiredService<HitCounter>().FlushAsync(CancellationToken.None);
        await AssertCountsAsync(before, articleId);
    }

    private async Task AssertCountsAsync(System.Text.Json.Nodes.JsonNode before, Guid articleId)
    {
        var after = await (await _app.Client().GetAsync("/api/v1/hits")).Json();
        foreach (var field in new[] { "today", "total", "pageViewsToday", "pageViewsTotal" })
        {
            Assert.Equal(before[field]!.GetValue<long>() + PageViews, after[field]!.GetValue<long>());
        }

        var article = await (await _app.Client(PortalApp.AdminKey).GetAsync($"/api/v1/articles/{articleId}")).Json();
        Assert.Equal(PageViews / 10, article["viewCount"]!.GetValue<long>());
    }

    public void Dispose() => _app.Dispose();
}
