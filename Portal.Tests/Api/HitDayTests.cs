using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>"Trong ngày" is the calendar day in Asia/Ho_Chi_Minh: it turns at 17:00 UTC.</summary>
public sealed class HitDayTests : IDisposable
{
    private readonly PortalApp _app = new();

    private async Task PostAsync(string visitor)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", visitor);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
    }

    [Fact]
    public async Task Hits_at_16_59_59Z_and_17_00_00Z_fall_on_different_Vietnamese_days()
    {
        var client = _app.Client();
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 59, 59, TimeSpan.Zero));
        await PostAsync("day-visitor-a");
        await PostAsync("day-visitor-b");
        var evening = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal("2026-11-29", evening["date"]!.GetValue<string>());
        Assert.Equal(2, evening["today"]!.GetValue<long>());

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var midnight = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal("2026-11-30", midnight["date"]!.GetValue<string>());
        Assert.Equal(0, midnight["today"]!.GetValue<long>());
        Assert.Equal(2, midnight["total"]!.GetValue<long>());

        // The same visitor one second later is a new visit: visits count per Vietnamese calendar day.
        await PostAsync("day-visitor-a");
        var counter = await (await client.GetAsync("/api/v1/hits")).Json();
        Assert.Equal(1, counter["today"]!.GetValue<long>());
        Assert.Equal(3, counter["total"]!.GetValue<long>());
        Assert.Equal(1, counter["pageViewsToday"]!.GetValue<long>());
        Assert.Equal(3, counter["pageViewsTotal"]!.GetValue<long>());

        var daily = (await (await client.GetAsync("/api/v1/hits/daily?from=2026-11-29&to=2026-11-30")).Json()).AsArray();
        Assert.Equal(["2026-11-29", "2026-11-30"], daily.Select(d => d!["date"]!.GetValue<string>()));
        Assert.Equal([2L, 1L], daily.Select(d => d!["visits"]!.GetValue<long>()));
        Assert.Equal([2L, 1L], daily.Select(d => d!["pageViews"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_days_stay_apart_once_written_to_the_database()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 59, 59, TimeSpan.Zero));
        await PostAsync("day-visitor-c");
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await PostAsync("day-visitor-d");
        await _app.Services.GetRequiredService<Portal.Api.Features.Hits.HitCounter>().FlushAsync(CancellationToken.None);

        var daily = (await (await _app.Client().GetAsync("/api/v1/hits/daily?from=2026-11-28&to=2026-12-01")).Json()).AsArray();
        Assert.Equal([0L, 1L, 1L, 0L], daily.Select(d => d!["pageViews"]!.GetValue<long>()));
    }

    public void Dispose() => _app.Dispose();
}
