namespace Portal.Domain.Common;

/// <summary>
/// Editorial state stored for articles and directives. "Scheduled" is not stored: it is a
/// <see cref="Published"/> item whose publish instant is still in the future (see <see cref="PublicationState"/>).
/// </summary>
public enum ContentStatus
{
    /// <summary>Being written; never visible anonymously.</summary>
    Draft = 0,

    /// <summary>Released; visible anonymously once its publish instant has passed.</summary>
    Published = 1,

    /// <summary>Withdrawn from listings and direct reads; kept for the record.</summary>
    Archived = 2,
}

/// <summary>The status a reader sees, derived at read time from <see cref="ContentStatus"/> and the clock.</summary>
public enum PublicationState
{
    Draft,
    Scheduled,
    Published,
    Archived,
}

/// <summary>Derives the visible state so that scheduling needs no background job.</summary>
public static class Publication
{
    /// <summary>The state a reader sees at <paramref name="nowUtc"/>.</summary>
    public static PublicationState StateAt(ContentStatus status, DateTime? publishedAtUtc, DateTime nowUtc) => status switch
    {
        ContentStatus.Published when publishedAtUtc is { } at && at > nowUtc => PublicationState.Scheduled,
        ContentStatus.Published => PublicationState.Published,
        ContentStatus.Archived => PublicationState.Archived,
        _ => PublicationState.Draft,
    };
}
