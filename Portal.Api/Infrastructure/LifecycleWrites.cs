using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>An editorial action on a publishable item.</summary>
internal enum LifecycleAction
{
    Publish,
    Unpublish,
    Archive,
    Delete,
}

/// <summary>An item loaded for a write, or the problem that refuses the write (404, 412).</summary>
/// <typeparam name="T">The item's type.</typeparam>
/// <param name="Item">The tracked item, when it may be written.</param>
/// <param name="Refusal">Why not, otherwise.</param>
internal readonly record struct WriteTarget<T>(T? Item, ProblemHttpResult? Refusal)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Item))]
    public bool Refused => Item is null;
}

/// <summary>
/// The editorial write path shared by articles and directives: load the item (not deleted) and check If-Match and
/// If-None-Match against the ETag of its current representation (<see cref="ICurrentRepresentation{T}"/>); apply a <see cref="Lifecycle"/> action (refusals are 409); save with the concurrency
/// token, so that a writer who lost the race changes nothing (412 with If-Match, else 409).
/// </summary>
internal static class LifecycleWrites
{
    /// <summary>The one item of <paramref name="candidates"/> that is not deleted, tracked, once If-Match allows writing it.</summary>
    public static async Task<WriteTarget<T>> ForWriteAsync<T>(this IQueryable<T> candidates, HttpRequest request, string notFound, CancellationToken ct)
        where T : class, IPublishable
    {
        var item = await candidates.FirstOrDefaultAsync(i => i.DeletedAt == null, ct);
        if (item is null)
        {
            return new(null, Problems.NotFound(notFound));
        }

        var current = request.HttpContext.RequestServices.GetRequiredService<ICurrentRepresentation<T>>();
        return await Preconditions.CheckAsync(request, () => current.OfAsync(item, ct)) is { } refused ? new(null, refused) : new(item, null);
    }

    /// <summary>Applies <paramref name="action"/> to an item from <see cref="ForWriteAsync"/> and saves; null on success, else the problem to answer.</summary>
    public static async Task<ProblemHttpResult?> ApplyAsync(DbContext db, HttpRequest request, IPublishable item, LifecycleAction action, DateTimeOffset? publishAt, DateTime nowUtc, CancellationToken ct)
    {
        var refused = action switch
        {
            LifecycleAction.Publish => Lifecycle.Publish(item, publishAt?.UtcDateTime, nowUtc),
            LifecycleAction.Unpublish => Lifecycle.Unpublish(item, nowUtc),
            LifecycleAction.Archive => Lifecycle.Archive(item, nowUtc),
            _ => Delete(item, nowUtc),
        };
        if (refused is not null)
        {
            return Problems.Conflict(refused);
        }

        return await db.TrySaveAsync(ct) == SaveOutcome.Saved ? null : Preconditions.LostRace(request);
    }

    private static string? Delete(IPublishable item, DateTime nowUtc)
    {
        Lifecycle.Delete(item, nowUtc);
        return null;
    }
}

/// <summary>Body of the publish action.</summary>
/// <param name="PublishAt">When to publish (RFC 3339 instant with offset or Z, e.g. 2024-06-04T08:00:00+07:00): past = published with that instant, future = scheduled; omitted = the item keeps its publish instant (see the publish operation).</param>
public sealed record PublishCommand(DateTimeOffset? PublishAt);
