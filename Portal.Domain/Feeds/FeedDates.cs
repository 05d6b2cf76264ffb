using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Feeds;

/// <summary>A date read from a feed, with what is needed to repair NukeViet's minutes.</summary>
/// <param name="Value">The instant with the offset the feed gave (+07:00 when it gave none).</param>
/// <param name="IsRfc822Gmt">True for an RFC 822 date in GMT/UT/UTC/Z, the only form NukeViet's bug produces.</param>
public readonly record struct FeedDate(DateTimeOffset Value, bool IsRfc822Gmt)
{
    /// <summary>
    /// NukeViet 4 prints item dates with PHP <c>gmdate('D, j M Y H:m:s')</c>: <c>m</c> is the month, so the minutes
    /// field holds the month and the real minutes are lost (nukeviet/nukeviet, includes/functions.php,
    /// nv_rss_generate). Day, hour, seconds and zone are right. The earliest instant consistent with the text is
    /// minute 0, which never moves an item later than it was published.
    /// </summary>
    public bool HasNukeVietMinutes => IsRfc822Gmt && Value.Minute == Value.Month;

    /// <summary>This date with the minutes NukeViet overwrote set to 0 (see <see cref="HasNukeVietMinutes"/>).</summary>
    public FeedDate WithoutNukeVietMinutes() => HasNukeVietMinutes ? this with { Value = Value.AddMinutes(-Value.Minute) } : this;
}

/// <summary>
/// Lenient parsing of the dates real feeds carry (DOMAIN.md "Dates and time"): RFC 822 with or without a weekday
/// (a wrong weekday is ignored), one- or two-digit days, two- or four-digit years, optional seconds, zones as
/// GMT/UT/UTC/Z, ±hhmm, ±hh:mm, the US zone names of RFC 822 and ICT; ISO 8601 / RFC 3339 (Atom); and the
/// Vietnamese display form dd/MM/yyyy [HH:mm[:ss]]. A date without a zone is Vietnamese time (+07:00), which is what
/// Vietnamese portals that omit it mean.
/// </summary>
public static partial class FeedDates
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["ICT"] = 7,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses <paramref name="text"/>; null when it is not a date in any form above.</summary>
    public static FeedDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Rfc822().Match(s) is { Success: true } r)
        {
            var zone = r.Groups["zone"].Value;
            var gmt = zone.Length > 0 && Zones.TryGetValue(zone, out var h) && h == 0;
            return Build(Year(r.Groups["y"].Value), Month(r.Groups["mon"].Value), r, zone) is { } v ? new FeedDate(v, gmt) : null;
        }

        if (Iso().Match(s) is { Success: true } i)
        {
            return Build(Int(i.Groups["y"].Value), Int(i.Groups["mo"].Value), i, i.Groups["zone"].Value) is { } v ? new FeedDate(v, false) : null;
        }

        if (Vietnamese().Match(s) is { Success: true } vn)
        {
            return Build(Int(vn.Groups["y"].Value), Int(vn.Groups["mo"].Value), vn, "") is { } v ? new FeedDate(v, false) : null;
        }

        return null;
    }

    private static DateTimeOffset? Build(int year, int month, Match m, string zone)
    {
        var offset = Offset(zone);
        var day = Int(m.Groups["d"].Value);
        var hour = m.Groups["h"].Success ? Int(m.Groups["h"].Value) : 0;
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"].Value) : 0;
        var second = m.Groups["s"].Success ? Math.Min(59, Int(m.Groups["s"].Value)) : 0;
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        if (offset is null || month is < 1 or > 12 || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59)
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, offset.Value).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0)
        {
            return Vietnam;
        }

        if (Zones.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            var span = new TimeSpan(Int(digits[..2]), Int(digits[2..]), 0);
            return span.TotalHours > 14 ? null : zone[0] == '-' ? -span : span;
        }

        return null;
    }

    private static int Month(string name)
    {
        var index = Array.IndexOf(Months, name.Length >= 3 ? name[..3].ToLowerInvariant() : name);
        return index + 1;
    }

    private static int Year(string y) => y.Length == 2 ? (Int(y) < 50 ? 2000 : 1900) + Int(y) : Int(y);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    // "Mon, 4 May 2026 02:05:12 GMT", "Thu, 04 May 2026 9:05 +0700", "4 May 26 09:05:00 +07:00"; any weekday text is ignored.
    [GeneratedRegex(@"^(?:[^\d,]*,\s?)?(?<d>\d{1,2})\s(?<mon>[A-Za-z]{3,9})\.?,?\s(?<y>\d{4}|\d{2}),?\s(?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<f>\d{1,7}))?)?(?:\s?(?<zone>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    // "2026-05-04T09:05:12+07:00", "2026-05-04T02:05:12.123Z", "2026-05-04 09:05", "2026-05-04".
    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[Tt ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)?\s?(?<zone>[Zz]|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    // "04/05/2026 09:05", "4/5/2026".
    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<mo>\d{1,2})/(?<y>\d{4})(?:\s(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Vietnamese();
}
