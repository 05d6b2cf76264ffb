using Portal.Domain.Common;

namespace Portal.Tests.Domain;

/// <summary>The one rule for time read from outside: instants carry an offset (RFC 3339), dates are YYYY-MM-DD.</summary>
[Trait("Category", "Time")]
public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2024-03-01T07:30:00+07:00")]
    [InlineData("2024-03-01T00:30:00Z")]
    [InlineData("2024-03-01t00:30:00z")]
    [InlineData("2024-03-01T00:30:00.000Z")]
    [InlineData("2024-03-01T00:30:00+00:00")]
    [InlineData("2024-03-01T00:30:00-00:00")]
    [InlineData("2024-02-29T19:30:00-05:00")]
    [InlineData("2024-03-01T05:45:00+05:15")]
    public void Instants_with_an_offset_or_Z_are_read_as_the_same_instant_everywhere(string text)
    {
        Assert.True(IsoTime.TryParseInstant(text, out var value));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 30, 0, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Fact]
    public void Fractions_of_a_second_are_kept_up_to_seven_digits()
    {
        Assert.True(IsoTime.TryParseInstant("2024-03-01T00:30:00.1234567Z", out var value));
        Assert.Equal(1234567, value.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("2024-03-01T00:30:00")] // no offset: the server's zone would decide
    [InlineData("2024-03-01T00:30:00.5")]
    [InlineData("2024-03-01 00:30:00Z")]
    [InlineData("2024-03-01T00:30Z")] // seconds are required
    [InlineData("2024-03-01T00:30:00+0700")]
    [InlineData("2024-03-01T00:30:00+07")]
    [InlineData("2024-03-01T00:30:00 +07:00")]
    [InlineData("2024-03-01")]
    [InlineData("03/01/2024 00:30:00 +07:00")]
    [InlineData("01/03/2024 00:30:00Z")]
    [InlineData("Fri, 01 Mar 2024 00:30:00 GMT")]
    [InlineData("2024-3-1T00:30:00Z")]
    [InlineData("2024-02-30T00:30:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T00:30:00+15:00")]
    [InlineData("2024-03-01T00:30:00.12345678Z")]
    [InlineData("٢٠٢٤-٠٣-٠١T00:30:00Z")]
    [InlineData(" 2024-03-01T00:30:00Z")]
    [InlineData("2024-03-01T00:30:00Z ")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_instant(string? text) => Assert.False(IsoTime.TryParseInstant(text, out _));

    [Theory]
    [InlineData("2024-06-04", 2024, 6, 4)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void Dates_are_YYYY_MM_DD(string text, int year, int month, int day)
    {
        Assert.True(IsoTime.TryParseDate(text, out var value));
        Assert.Equal(new DateOnly(year, month, day), value);
    }

    [Theory]
    [InlineData("04/06/2024")] // 4 June to a Vietnamese reader, 6 April to the invariant culture: refused, not guessed
    [InlineData("06/04/2024")]
    [InlineData("4/6/2024")]
    [InlineData("04.06.2024")]
    [InlineData("2024/06/04")]
    [InlineData("2024-6-4")]
    [InlineData("20240604")]
    [InlineData("2024-06-04T00:00:00Z")]
    [InlineData("2024-06-04T00:00:00")]
    [InlineData("2024-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("June 4, 2024")]
    [InlineData("٢٠٢٤-٠٦-٠٤")]
    [InlineData(" 2024-06-04")]
    [InlineData("+2024-06-04")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_date(string? text) => Assert.False(IsoTime.TryParseDate(text, out _));
}
