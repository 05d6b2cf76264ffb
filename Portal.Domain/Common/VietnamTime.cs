namespace Portal.Domain.Common;

/// <summary>
/// Vietnam's civil time. Asia/Ho_Chi_Minh is UTC+7 with no daylight saving today, but it was UTC+8
/// in some historical periods, so the IANA zone is used rather than a fixed offset where it exists.
/// Calendar dates that are dates in Vietnam (a document's issue date, "today" on the counter) are
/// computed here and never from the server's local clock.
/// </summary>
public static class VietnamTime
{
    /// <summary>The IANA zone id of the portal's calendar.</summary>
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The portal's zone; falls back to a fixed UTC+7 zone where tzdata is missing.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The Vietnamese calendar day that contains <paramref name="utc"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Zone).DateTime);

    /// <summary>The UTC instant at which Vietnamese calendar day <paramref name="day"/> starts (00:00 local).</summary>
    public static DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>An instant shown in Vietnamese local time with its offset (e.g. 2024-06-04T08:00:00+07:00).</summary>
    public static DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
