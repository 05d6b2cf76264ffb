using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Feeds;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api.Feeds;

/// <summary>The background poller, driven through <c>PollOnceAsync</c> with the fake clock, and its loop on the fake timer.</summary>
public sealed class FeedPollerTests
{
    [Fact]
    public async Task The_poller_imports_a_due_source_when_the_clock_passes_its_interval_and_not_again_before_the_next()
    {
        await using var server = await FeedServer.StartAsync();
        server.Serve("/poll.rss", FeedTesting.Rss(FeedTesting.Item("Tin định kỳ " + Guid.NewGuid().ToString("N"), "p-1", null, "Mon, 4 May 2026 09:00:00 +0700", "<p>x</p>")));
        using var app = FeedTesting.App();
        var admin = await app.ClientWithRoleAsync("admin");
        var source = await admin.CreateSourceAsync(server.Url("/poll.rss"), interval: 30);
        var disabled = await admin.CreateSourceAsync(server.Url("/disabled.rss"), enabled: false);
        var poller = app.Services.GetRequiredService<FeedPoller>();
        var start = app.Clock.GetUtcNow().UtcDateTime;

        var atStart = await poller.PollOnceAsync(start, CancellationToken.None);
        var tooEarly = await poller.PollOnceAsync(start.AddMinutes(29), CancellationToken.None);
        var afterInterval = await poller.PollOnceAsync(start.AddMinutes(31), CancellationToken.None);
        var tooEarlyAgain = await poller.PollOnceAsync(start.AddMinutes(60), CancellationToken.None);

        Assert.Equal([Guid.Parse(source)], atStart.Select(r => r.SourceId));
        Assert.Empty(tooEarly);
        Assert.Equal([Guid.Parse(source)], afterInterval.Select(r => r.SourceId));
        Assert.Empty(tooEarlyAgain);
        Assert.Equal(2, server.Hits("/poll.rss"));
        Assert.Equal(0, server.Hits("/disabled.rss"));
        var runs = (await (await admin.GetAsync($"/api/v1/feed-sources/{source}/runs")).Json()).AsArray();
        Assert.Equal([0, 1], runs.Select(r => r!.Number("created")).Order());
        Assert.Empty((await (await admin.GetAsync($"/api/v1/feed-sources/{disabled}/runs")).Json()).AsArray());
        var state = await (await admin.GetAsync($"/api/v1/feed-sources/{source}")).Json();
        Assert.Equal(start.AddMinutes(61), state["nextPollAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task Two_instances_polling_the_same_database_at_once_import_a_source_once()
    {
        await using var server = await FeedServer.StartAsync();
        server.Serve("/once.rss", FeedTesting.Rss(FeedTesting.Item("Một lần " + Guid.NewGuid().ToString("N"), "o-1", null, "Mon, 4 May 2026 09:00:00 +0700", "<p>x</p>")));
        using var first = FeedTesting.App();
        var admin = await first.ClientWithRoleAsync("admin");
        var source = await admin.CreateSourceAsync(server.Url("/once.rss"));
        using var second = new PortalApp(first.DatabasePath, first.Clock)
            .Setting("Feeds:AllowPrivateNetworks", "true").Setting("Feeds:PollerEnabled", "false");
        second.KeepDatabase = true;
        _ = second.Client();
        var now = first.Clock.GetUtcNow().UtcDateTime;

        var runs = await Task.WhenAll(
            first.Services.GetRequiredService<FeedPoller>().PollOnceAsync(now, CancellationToken.None),
            second.Services.GetRequiredService<FeedPoller>().PollOnceAsync(now, CancellationToken.None));

        Assert.Single(runs.SelectMany(r => r), r => r.SourceId == Guid.Parse(source));
        Assert.Equal(1, server.Hits("/once.rss"));
    }

    [Fact]
    public async Task The_hosted_poller_runs_on_the_injected_clock()
    {
        await using var server = await FeedServer.StartAsync();
        server.Serve("/loop.rss", FeedTesting.Rss(FeedTesting.Item("Vòng lặp " + Guid.NewGuid().ToString("N"), "l-1", null, "Mon, 4 May 2026 09:00:00 +0700", "<p>x</p>")));
        using var app = new PortalApp().Setting("Feeds:AllowPrivateNetworks", "true").Setting("Feeds:PollCheckSeconds", "60");
        var admin = await app.ClientWithRoleAsync("admin");
        var source = await admin.CreateSourceAsync(server.Url("/loop.rss"));
        await Task.Delay(200);
        Assert.Equal(0, server.Hits("/loop.rss"));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        JsonArray runs = [];
        for (var attempt = 0; attempt < 100 && runs.Count == 0; attempt++)
        {
            await Task.Delay(100);
            runs = (await (await admin.GetAsync($"/api/v1/feed-sources/{source}/runs")).Json()).AsArray();
        }

        Assert.Equal(1, Assert.Single(runs)!.Number("created"));
    }
}
