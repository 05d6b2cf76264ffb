namespace Portal.Domain.Hits;

/// <summary>Counter totals for one calendar day in Asia/Ho_Chi_Minh ("Trong ngày").</summary>
public sealed class DailyHits
{
    public DateOnly Day { get; set; }

    /// <summary>Visits: a visitor counts once per 30 minutes of inactivity within the day.</summary>
    public long Visits { get; set; }

    /// <summary>Every counted page view.</summary>
    public long PageViews { get; set; }
}
