using Portal.Api.Features.Hits;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Riok.Mapperly.Abstractions;

namespace Portal.Api.Features.Articles;

/// <summary>Compile-time mapping (Mapperly) from article entities to responses, including the list projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ArticleMapper
{
    /// <summary>Projects the list shape in SQL; <c>Status</c> is set from the stored status and fixed up by <see cref="Complete"/>.</summary>
    public static partial IQueryable<ArticleListItem> ProjectToListItem(this IQueryable<Article> query);

    /// <summary>
    /// Completes a projected item with what SQL cannot know: a published item whose instant is still ahead reads as
    /// scheduled, and views not yet flushed are added.
    /// </summary>
    public static ArticleListItem Complete(ArticleListItem item, DateTime nowUtc, HitCounter hits)
    {
        var state = item.Status == PublicationState.Published && item.PublishedAt > nowUtc ? PublicationState.Scheduled : item.Status;
        return item with { Status = state, ViewCount = item.ViewCount + hits.PendingViews(item.Id, item.ViewCount, state) };
    }

    /// <summary>The article's editable fields as a command (the document a JSON Merge Patch is applied to).</summary>
    /// <param name="article">The article, with its tags loaded.</param>
    /// <param name="directiveIds">The directives its editor chose as related (<see cref="ArticleMentions.RelatedIdsAsync"/>).</param>
    public static partial ArticleCommand ToCommand(Article article, IReadOnlyList<Guid> directiveIds);

    private static partial ImageCommand ToCommand(ArticleImage image);

    private static string MapTag(ArticleTag tag) => tag.Name;

    // Written with == and ?: rather than patterns: Mapperly inlines these into the SQL projection (an expression tree).
    private static ImageResponse? MapImage(ArticleImage? image) => image == null
        ? null
        : new ImageResponse(image.MediaId, image.FileName, MediaUrl(image.MediaId), image.Caption, image.AltText);

    /// <summary>
    /// The URL of an uploaded image, built in .NET (EF Core evaluates it in the final projection): concatenated in SQL, the
    /// id would come out as the database stores it — upper case on SQLite — and differ from the URL the upload answered.
    /// </summary>
    internal static string? MediaUrl(Guid? mediaId) => mediaId == null ? null : "/api/v1/media/" + mediaId.Value.ToString("D");

    private static CategoryRef? MapCategory(Category? category) => category == null ? null : new CategoryRef(category.Id, category.Name, category.Slug);

    private static SourceResponse? MapSource(ArticleSource? source) => source == null ? null : new SourceResponse(source.Name, source.Url, source.FeedGuid);

    private static PublicationState MapStatus(ContentStatus status) =>
        status == ContentStatus.Published ? PublicationState.Published
        : status == ContentStatus.Archived ? PublicationState.Archived
        : PublicationState.Draft;
}
