using Portal.Domain.Articles;
using Portal.Domain.Common;
using Riok.Mapperly.Abstractions;

namespace Portal.Api.Features.Articles;

/// <summary>Compile-time mapping (Mapperly) from article entities to responses, including the list projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ArticleMapper
{
    /// <summary>Projects the list shape in SQL; <c>Status</c> is set from the stored status and fixed up by <see cref="WithState"/>.</summary>
    public static partial IQueryable<ArticleListItem> ProjectToListItem(this IQueryable<Article> query);

    [MapperIgnoreSource(nameof(Article.ViewCount))]
    [MapperIgnoreSource(nameof(Article.Status))]
    private static partial ArticleResponse ToResponseCore(Article article, IReadOnlyList<DirectiveRef> directives, PublicationState status, long viewCount);

    /// <summary>The full representation; <paramref name="pendingViews"/> are counted views not yet flushed.</summary>
    public static ArticleResponse ToResponse(Article article, IReadOnlyList<DirectiveRef> directives, long pendingViews, DateTime nowUtc) =>
        ToResponseCore(article, directives, Publication.StateAt(article.Status, article.PublishedAt, nowUtc), article.ViewCount + pendingViews);

    /// <summary>A published item whose instant is still ahead reads as scheduled (the SQL projection cannot know the clock).</summary>
    public static ArticleListItem WithState(ArticleListItem item, DateTime nowUtc) =>
        item.Status == PublicationState.Published && item.PublishedAt > nowUtc ? item with { Status = PublicationState.Scheduled } : item;

    private static IReadOnlyList<string> MapTags(List<ArticleTag> tags) => tags.Select(t => t.Name).ToList();

    private static ImageResponse? MapImage(ArticleImage? image) => image is null
        ? null
        : new ImageResponse(image.MediaId, image.FileName, image.MediaId is { } id ? $"/api/v1/media/{id}" : null, image.Caption, image.AltText);

    private static CategoryRef? MapCategory(Category? category) => category is null ? null : new CategoryRef(category.Id, category.Name, category.Slug);

    private static SourceResponse? MapSource(ArticleSource? source) => source is null ? null : new SourceResponse(source.Name, source.Url, source.FeedGuid);

    private static PublicationState MapStatus(ContentStatus status) => status switch
    {
        ContentStatus.Published => PublicationState.Published,
        ContentStatus.Archived => PublicationState.Archived,
        _ => PublicationState.Draft,
    };
}
