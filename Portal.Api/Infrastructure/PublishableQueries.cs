using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Who sees which articles and directives (API.md "Access"): anonymous readers see published items whose instant
/// has passed; editors see every item that is not deleted. Drafts, scheduled, archived and deleted items answer
/// 404 to anonymous callers on every route, lists and counts included.
/// </summary>
internal static class PublishableQueries
{
    /// <summary>Items an anonymous reader may see at <paramref name="nowUtc"/>: published, instant passed, not deleted.</summary>
    public static IQueryable<T> VisibleAt<T>(this IQueryable<T> items, DateTime nowUtc)
        where T : class, IPublishable =>
        items.Where(i => i.DeletedAt == null && i.Status == ContentStatus.Published && i.PublishedAt <= nowUtc);

    /// <summary>What the caller may read: every item not deleted for an editor, the visible ones for anyone else.</summary>
    public static IQueryable<T> ReadableBy<T>(this IQueryable<T> items, bool editor, DateTime nowUtc)
        where T : class, IPublishable =>
        editor ? items.Where(i => i.DeletedAt == null) : items.VisibleAt(nowUtc);

    /// <summary>What an editor may list: every item not deleted, optionally of one <see cref="PublicationState"/>.</summary>
    public static IQueryable<T> ForEditor<T>(this IQueryable<T> items, string? status, DateTime nowUtc, QueryErrors errors)
        where T : class, IPublishable
    {
        items = items.Where(i => i.DeletedAt == null);
        if (status is null)
        {
            return items;
        }

        if (!EnumNames.TryParse<PublicationState>(status, out var state))
        {
            errors.Add("status", "'status' must be one of draft, scheduled, published, archived.");
            return items;
        }

        return state switch
        {
            PublicationState.Draft => items.Where(i => i.Status == ContentStatus.Draft),
            PublicationState.Archived => items.Where(i => i.Status == ContentStatus.Archived),
            PublicationState.Scheduled => items.Where(i => i.Status == ContentStatus.Published && i.PublishedAt > nowUtc),
            _ => items.Where(i => i.Status == ContentStatus.Published && i.PublishedAt <= nowUtc),
        };
    }

    /// <summary>The 401 answered when an anonymous caller asks for the editors' <c>status</c> filter.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult StatusNeedsEditor() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The 'status' filter needs an editor's API key (Authorization: Bearer <key>).");
}
