namespace Portal.Domain.Feeds;

/// <summary>
/// A provincial (or any other) RSS 2.0 / Atom 1.0 feed that Portal imports articles from. Instants are UTC.
/// The poller's bookkeeping (<see cref="NextPollAt"/>, <see cref="LeaseUntil"/>, validators) is not editorial
/// data: it changes without a new <see cref="Version"/>.
/// </summary>
public sealed class FeedSource
{
    public Guid Id { get; set; }

    /// <summary>Name shown as the imported articles' source, e.g. "Cổng thông tin điện tử tỉnh Đồng Nai".</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute http or https URL of the feed.</summary>
    public string Url { get; set; } = "";

    /// <summary>Category given to newly imported articles, or null.</summary>
    public Guid? CategoryId { get; set; }

    /// <summary>Minutes between two scheduled imports.</summary>
    public int PollIntervalMinutes { get; set; } = FeedSourceCommandValidator.DefaultIntervalMinutes;

    /// <summary>True: imported articles are published at once; false: they arrive as drafts for an editor.</summary>
    public bool PublishOnImport { get; set; }

    /// <summary>Only enabled sources are polled; any source can be imported by hand.</summary>
    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Revision of the editable fields, the basis of If-Match.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The ETag the feed last answered, sent back as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified the feed last answered (verbatim), sent back as If-Modified-Since.</summary>
    public string? LastModified { get; set; }

    /// <summary>When the poller should next import this source.</summary>
    public DateTime NextPollAt { get; set; }

    /// <summary>
    /// An instance that claimed the source holds it until then. Claiming is one conditional UPDATE
    /// (<c>… WHERE LeaseUntil IS NULL OR LeaseUntil &lt; now</c>), so instances sharing a database never import
    /// the same source at once; an instance that dies mid-import loses its claim when the lease runs out.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }

    public DateTime? LastRunAt { get; set; }

    /// <summary>Items in the feed at the last full read; a 304 reports them all as unchanged.</summary>
    public int LastItemCount { get; set; }
}

/// <summary>Which article a feed item became: the upsert key of an import.</summary>
public sealed class FeedItem
{
    public Guid SourceId { get; set; }

    /// <summary>"guid:…", else "link:…", else "hash:…" of title and date (hashed as "sha:…" when too long).</summary>
    public string Key { get; set; } = "";

    public Guid ArticleId { get; set; }

    /// <summary>SHA-256 of the item as last imported: equal means unchanged, so the article is not touched.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime FirstSeenAt { get; set; }
}

/// <summary>How an import run ended.</summary>
public enum FeedRunOutcome
{
    /// <summary>The feed was read and its items applied (some may have been skipped; see the errors).</summary>
    Imported,

    /// <summary>The server answered 304 Not Modified: nothing was parsed.</summary>
    NotModified,

    /// <summary>The feed could not be fetched or parsed; nothing changed.</summary>
    Failed,
}

/// <summary>The report of one import run.</summary>
public sealed class FeedRun
{
    public Guid Id { get; set; }

    public Guid SourceId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public FeedRunOutcome Outcome { get; set; }

    /// <summary>The final HTTP status, or null when no response arrived.</summary>
    public int? HttpStatus { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }

    public List<FeedRunError> Errors { get; set; } = [];
}

/// <summary>A problem with the feed (no <see cref="Index"/>) or with one item.</summary>
public sealed class FeedRunError
{
    /// <summary>1-based position of the item in the feed, or null for the feed as a whole.</summary>
    public int? Index { get; set; }

    /// <summary>The item's guid, link or title, whichever it has first.</summary>
    public string? Item { get; set; }

    public string Reason { get; set; } = "";
}
