using Portal.Api.Infrastructure;
using Portal.Domain.Common;

namespace Portal.Api.Features.Articles;

/// <summary>An article as readers see it. Instants are UTC (ISO 8601 with Z).</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="Slug">Current URL name; old slugs answer 301 to this one.</param>
/// <param name="Title">Headline.</param>
/// <param name="Summary">Lead paragraph (sapo), plain text.</param>
/// <param name="BodyHtml">Sanitised HTML body.</param>
/// <param name="Author">By-line (bút danh).</param>
/// <param name="CoverImage">Cover image with caption and alt text, or null.</param>
/// <param name="Category">Category, or null.</param>
/// <param name="Tags">Tags in display form.</param>
/// <param name="Status">draft, scheduled, published or archived (scheduled = published with a future publish instant).</param>
/// <param name="PublishedAt">Publish instant (UTC), or null for a draft never published.</param>
/// <param name="CreatedAt">Creation instant (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="ViewCount">Page views counted so far.</param>
/// <param name="Source">Feed provenance for imported articles, or null.</param>
/// <param name="Directives">Directives this article is related to.</param>
/// <param name="Version">Content revision; the ETag is derived from it.</param>
public sealed record ArticleResponse(
    Guid Id,
    string Slug,
    string Title,
    string? Summary,
    string BodyHtml,
    string? Author,
    ImageResponse? CoverImage,
    CategoryRef? Category,
    IReadOnlyList<string> Tags,
    PublicationState Status,
    DateTime? PublishedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long ViewCount,
    SourceResponse? Source,
    IReadOnlyList<DirectiveRef> Directives,
    int Version) : IVersioned;

/// <summary>An article in a list: everything but the body.</summary>
public sealed record ArticleListItem(
    Guid Id,
    string Slug,
    string Title,
    string? Summary,
    string? Author,
    ImageResponse? CoverImage,
    CategoryRef? Category,
    IReadOnlyList<string> Tags,
    PublicationState Status,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    long ViewCount);

/// <summary>An image: a stored media item (<c>url</c> set) or, for migrated content, only its original file name.</summary>
public sealed record ImageResponse(Guid? MediaId, string? FileName, string? Url, string? Caption, string? AltText);

/// <summary>A category reference.</summary>
public sealed record CategoryRef(Guid Id, string Name, string Slug);

/// <summary>Where an imported article came from: the feed's name, the item's original URL and its guid (RSS) or id (Atom).</summary>
public sealed record SourceResponse(string Name, string? Url, string? FeedGuid);

/// <summary>A short reference to a directive.</summary>
/// <param name="Id">Directive id.</param>
/// <param name="Number">Số ký hiệu as entered.</param>
/// <param name="TypeName">Loại văn bản, e.g. "Kế hoạch".</param>
/// <param name="Abstract">Trích yếu.</param>
public sealed record DirectiveRef(Guid Id, string Number, string TypeName, string Abstract);
