namespace Portal.Domain.Common;

/// <summary>Content whose editorial state follows the publish/unpublish/archive lifecycle (articles, directives).</summary>
/// <summary>An entity the lists' text search reads: its id and its pre-folded search text.</summary>
public interface ISearchable
{
    Guid Id { get; }

    /// <summary>Title, lead and body folded by VietnameseText.Fold (no case, tone marks or đ).</summary>
    string SearchText { get; }
}

public interface IPublishable
{
    ContentStatus Status { get; set; }

    DateTime? PublishedAt { get; set; }

    DateTime UpdatedAt { get; set; }

    int Version { get; set; }

    /// <summary>Set when deleted: the row stays as a tombstone for delta sync.</summary>
    DateTime? DeletedAt { get; set; }
}

/// <summary>
/// The lifecycle rules shared by articles and directives. Each method returns null on success or the reason the
/// transition is refused (the API answers 409). Instants are UTC; scheduling is publishing with a future instant.
/// </summary>
public static class Lifecycle
{
    /// <summary>
    /// Publishes, or schedules for <paramref name="atUtc"/> when it is in the future. Without an instant the item keeps
    /// the one it has: publishing a published (or scheduled) item changes nothing, and republishing a draft that was
    /// visible before (unpublished, or archived then unpublished) restores its first publish instant, so a correction
    /// never re-dates the news; a draft never visible (new, or a cancelled schedule) is published now. An explicit
    /// instant always wins. Archived items must be unpublished first.
    /// </summary>
    public static string? Publish(IPublishable item, DateTime? atUtc, DateTime nowUtc)
    {
        if (item.Status == ContentStatus.Archived)
        {
            return "An archived item cannot be published; unpublish it to a draft first.";
        }

        var instant = atUtc ?? KeptPublishInstant(item, nowUtc);
        if (item.Status == ContentStatus.Published && item.PublishedAt == instant)
        {
            return null;
        }

        item.Status = ContentStatus.Published;
        item.PublishedAt = instant;
        Touch(item, nowUtc);
        return null;
    }

    private static DateTime KeptPublishInstant(IPublishable item, DateTime nowUtc) => item.PublishedAt switch
    {
        { } kept when item.Status == ContentStatus.Published => kept,
        { } first when first <= nowUtc => first,
        _ => nowUtc,
    };

    /// <summary>Takes a published, scheduled or archived item back to draft; it disappears from anonymous reads.</summary>
    public static string? Unpublish(IPublishable item, DateTime nowUtc)
    {
        if (item.Status == ContentStatus.Draft)
        {
            return "The item is already a draft.";
        }

        item.Status = ContentStatus.Draft;
        Touch(item, nowUtc);
        return null;
    }

    /// <summary>Archives an item: kept for the record, gone from anonymous reads.</summary>
    public static string? Archive(IPublishable item, DateTime nowUtc)
    {
        if (item.Status == ContentStatus.Archived)
        {
            return "The item is already archived.";
        }

        item.Status = ContentStatus.Archived;
        Touch(item, nowUtc);
        return null;
    }

    /// <summary>Soft-deletes an item: it disappears from every read and stays as a tombstone for delta sync.</summary>
    public static void Delete(IPublishable item, DateTime nowUtc)
    {
        item.DeletedAt = nowUtc;
        Touch(item, nowUtc);
    }

    /// <summary>Records a change: a new revision (the basis of ETags and If-Match) and the update instant.</summary>
    public static void Touch(IPublishable item, DateTime nowUtc)
    {
        item.Version++;
        item.UpdatedAt = nowUtc;
    }
}
