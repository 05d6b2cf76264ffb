using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>A graceful stop writes every accepted hit before the process ends.</summary>
public sealed class HitShutdownTests
{
    [Fact]
    public async Task Hits_posted_just_before_a_graceful_stop_are_there_after_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        Guid articleId;
        long viewsBefore;
        // An hour between flushes: only the flush at shutdown can write these hits.
        using (var first = new PortalApp(path) { KeepDatabase = true }.Setting("Hits:FlushIntervalMs", "3600000"))
        {
            var articles = await (await first.Client().GetAsync("/api/v1/articles")).Json();
            articleId = articles["items"]![0]!["id"]!.GetValue<Guid>();
            viewsBefore = articles["items"]![0]!["viewCount"]!.GetValue<long>();
            var posts = Enumerable.Range(0, 200).Select(async i =>
            {
                var client = first.Client();
                client.DefaultRequestHeaders.Add("X-Visitor-Id", $"shutdown-{i:D4}");
                var response = await client.PostJson("/api/v1/hits", new { path = "/tin-tuc", articleId = i % 4 == 0 ? articleId : (Guid?)null });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            });
            await Task.WhenAll(posts);
        }

        using var second = new PortalApp(path);
        var counter = await (await second.Client().GetAsync("/api/v1/hits")).Json();
        Assert.Equal(200, counter["today"]!.GetValue<long>());
        Assert.Equal(200, counter["pageViewsTotal"]!.GetValue<long>());
        var article = await (await second.Client().GetAsync($"/api/v1/articles/{articleId}")).Json();
        Assert.Equal(viewsBefore + 50, article["viewCount"]!.GetValue<long>());
    }
}
