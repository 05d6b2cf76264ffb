using Portal.Domain.Common;

namespace Portal.Domain.Articles;

/// <summary>
/// A news article (tin bài). Instants are UTC. The publish instant decides visibility: a published
/// article whose <see cref="PublishedAt"/> is in the future is "scheduled" and stays invisible until then.
/// </summary>
public sealed class Article : IPublishable, ISearchable
{
    public Guid Id { get; set; }

    /// <summary>Headline, NFC, at most 300 characters.</summary>
    public string Title { get; set; } = "";

    /// <summary>URL name, unique across articles (see <c>VietnameseText.Slugify</c>).</summary>
    public string Slug { get; set; } = "";

    /// <summary>Lead paragraph (sapo), plain text.</summary>
    public string? Summary { get; set; }

    /// <summary>Sanitised HTML body.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>By-line (bút danh), e.g. "Hồng Yến".</summary>
    public string? Author { get; set; }

    public ArticleImage? CoverImage { get; set; }

    public Guid? CategoryId { get; set; }

    public Category? Category { get; set; }

    public List<ArticleTag> Tags { get; set; } = [];

    public ContentStatus Status { get; set; }

    /// <summary>UTC instant from which a published article is visible.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when deleted: the row stays as a tombstone for delta sync.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Content revision, incremented by every write; the basis of If-Match.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Page views counted by the visit counter (persisted part).</summary>
    public long ViewCount { get; set; }

    /// <summary>Folded title: search ranks title matches first.</summary>
    public string SearchTitle { get; set; } = "";

    /// <summary>Folded (lower-case, tone marks and đ removed) title, summary and body text for search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Where an imported article came from; null for articles written here.</summary>
    public ArticleSource? Source { get; set; }

    /// <summary>True when anonymous readers may see the article at <paramref name="nowUtc"/>.</summary>
    public bool IsVisibleAt(DateTime nowUtc) => DeletedAt is null && Status == ContentStatus.Published && PublishedAt <= nowUtc;
}

/// <summary>An image with its caption and alternative text. Either a stored media item or, for content
/// migrated from old pages, only the file name that survived.</summary>
public sealed class ArticleImage
{
    public Guid? MediaId { get; set; }

    /// <summary>The original file name, e.g. "04.6.24 Tăng cường công tác chăm sóc giáo dục và bảo vệ trẻ em 1.jpg".</summary>
    public string? FileName { get; set; }

    public string? Caption { get; set; }

    public string? AltText { get; set; }
}

/// <summary>Provenance of an imported article.</summary>
public sealed class ArticleSource
{
    public string Name { get; set; } = "";

    public string? Url { get; set; }

    /// <summary>The feed item's &lt;guid&gt; (RSS) or &lt;id&gt; (Atom).</summary>
    public string? FeedGuid { get; set; }
}

/// <summary>A free-form tag, normalised (NFC, trimmed, single spaces) with a folded key for matching.</summary>
public sealed class ArticleTag
{
    public Guid ArticleId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The slug of the name: the tag's identity ("Trẻ em" and "trẻ  em" are one tag).</summary>
    public string Key { get; set; } = "";
}

/// <summary>A news category (chuyên mục).</summary>
public sealed class Category
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public string? Description { get; set; }

    public int Version { get; set; } = 1;
}
