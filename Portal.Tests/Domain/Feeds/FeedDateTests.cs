using Portal.Domain.Feeds;

namespace Portal.Tests.Domain.Feeds;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Mon, 4 May 2026 02:05:12 GMT", "2026-05-04T02:05:12+00:00")]
    [InlineData("Thu, 04 Jun 2024 08:00:00 +0700", "2024-06-04T08:00:00+07:00")] // 4 June 2024 was a Tuesday: the weekday is ignored
    [InlineData("04 Jun 2024 08:00 +07:00", "2024-06-04T08:00:00+07:00")]
    [InlineData("Tue, 4 June 24 1:02:03 UT", "2024-06-04T01:02:03+00:00")]
    [InlineData("Tue, 04 Jun 2024 08:00:00 ICT", "2024-06-04T08:00:00+07:00")]
    [InlineData("Tue, 04 Jun 2024 08:00:00 EST", "2024-06-04T08:00:00-05:00")]
    [InlineData("Tue, 04 Jun 2024 08:00:00", "2024-06-04T08:00:00+07:00")]
    [InlineData("  Tue,\n 04   Jun 2024\t08:00:00 GMT ", "2024-06-04T08:00:00+00:00")]
    [InlineData("2024-06-04T08:00:00+07:00", "2024-06-04T08:00:00+07:00")]
    [InlineData("2024-06-04T01:00:00.123Z", "2024-06-04T01:00:00.123+00:00")]
    [InlineData("2024-06-04 08:00", "2024-06-04T08:00:00+07:00")]
    [InlineData("2024-06-04", "2024-06-04T00:00:00+07:00")]
    [InlineData("04/06/2024 08:00", "2024-06-04T08:00:00+07:00")]
    [InlineData("4/6/2024", "2024-06-04T00:00:00+07:00")]
    public void Real_world_dates_are_read_leniently(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text)!.Value.Value);

    [Theory]
    [InlineData("")]
    [InlineData("Thứ 2, 31/02/2026")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("Mon, 4 Mey 2026 02:05:12 GMT")]
    [InlineData("Mon, 4 May 2026 25:05:12 GMT")]
    [InlineData("Mon, 4 May 2026 02:05:12 XYZ")]
    [InlineData("hôm qua")]
    public void Unparseable_dates_are_null(string text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public void NukeViet_minutes_that_hold_the_month_are_set_to_zero_and_nothing_else_changes()
    {
        var date = FeedDates.Parse("Mon, 4 May 2026 02:05:12 GMT")!.Value;

        Assert.True(date.HasNukeVietMinutes);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 2, 0, 12, TimeSpan.Zero), date.WithoutNukeVietMinutes().Value);
    }

    [Theory]
    [InlineData("Mon, 4 May 2026 02:06:12 GMT")] // minutes are not the month
    [InlineData("Mon, 4 May 2026 02:05:12 +0700")] // NukeViet always prints GMT
    [InlineData("2026-05-04T02:05:12Z")] // and never ISO 8601 in this mode
    public void Dates_NukeViet_cannot_have_printed_are_left_alone(string text)
    {
        var date = FeedDates.Parse(text)!.Value;

        Assert.False(date.HasNukeVietMinutes);
        Assert.Equal(date.Value, date.WithoutNukeVietMinutes().Value);
    }
}
