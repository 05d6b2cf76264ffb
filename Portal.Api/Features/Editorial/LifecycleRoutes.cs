using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;

namespace Portal.Api.Features.Editorial;

/// <summary>The services an editorial write needs, bound per request with <c>[AsParameters]</c>.</summary>
/// <param name="Http">The request's context (If-Match in, ETag out).</param>
/// <param name="Db">The unit of work.</param>
/// <param name="Clock">The injected clock.</param>
/// <param name="Hits">Views counted but not yet flushed, for the representation.</param>
/// <param name="Json">Serializer options, for the ETag of the representation.</param>
/// <param name="Ct">The request's cancellation token.</param>
internal readonly record struct EditorialContext(
    HttpContext Http, PortalDbContext Db, TimeProvider Clock, HitCounter Hits, IOptions<JsonOptions> Json, CancellationToken Ct);

/// <summary>
/// The publish, unpublish and archive actions every publishable resource (articles, directives) offers, mapped the
/// same way: <c>POST {id}/publish</c> with an optional <c>{ "publishAt" }</c>, <c>POST {id}/unpublish</c> and
/// <c>POST {id}/archive</c>, each answering the resource's new representation.
/// </summary>
internal static class LifecycleRoutes
{
    /// <summary>Maps the three actions of <paramref name="resource"/> (operation ids Publish{resource}…) onto <paramref name="transition"/>.</summary>
    /// <typeparam name="TResponse">The resource's representation.</typeparam>
    /// <param name="writes">The editors' group of the resource.</param>
    /// <param name="resource">The resource's name in operation ids, e.g. "Article".</param>
    /// <param name="noun">The resource with its article, for summaries, e.g. "an article".</param>
    /// <param name="transition">Applies an action to the item with the given id.</param>
    public static RouteGroupBuilder MapLifecycleActions<TResponse>(
        this RouteGroupBuilder writes, string resource, string noun,
        Func<Guid, LifecycleAction, PublishCommand?, EditorialContext, Task<Results<Ok<TResponse>, ProblemHttpResult>>> transition)
    {
        writes.MapPost("{id:guid}/publish", (Guid id, PublishCommand? body, [AsParameters] EditorialContext context) =>
                transition(id, LifecycleAction.Publish, body, context))
            .Describe($"Publish{resource}", $"Publish or schedule {noun} (editor)",
                "Body { \"publishAt\": instant } is optional. A given instant always wins: past or now publishes (with that instant), future schedules (invisible until then, no background job needed). Omitted, the item keeps its publish instant: publishing a published or scheduled item changes nothing (same revision and ETag); a draft that was visible before (unpublished, or archived and unpublished) is republished with its first publish instant; a draft never visible is published now. Archived items must be unpublished first (409).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);
        writes.MapPost("{id:guid}/unpublish", (Guid id, [AsParameters] EditorialContext context) =>
                transition(id, LifecycleAction.Unpublish, null, context))
            .Describe($"Unpublish{resource}", $"Take {noun} back to draft (editor)", "Removes it from every anonymous read; a tombstone is recorded for delta sync. The publish instant is kept for a later republish.")
            .MalformedHeaders();
        writes.MapPost("{id:guid}/archive", (Guid id, [AsParameters] EditorialContext context) =>
                transition(id, LifecycleAction.Archive, null, context))
            .Describe($"Archive{resource}", $"Archive {noun} (editor)", "Keeps it for the record with its publish instant; removed from every anonymous read. To show it again, unpublish then publish.")
            .MalformedHeaders();
        return writes;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

    // A malformed If-Match or If-None-Match is a 400 on every action (Preconditions); publish declares it with its body.
    private static RouteHandlerBuilder MalformedHeaders(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest);
}
