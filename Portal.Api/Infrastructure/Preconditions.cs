using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Portal.Api.Infrastructure;

/// <summary>
/// The representation a GET of <typeparamref name="T"/> would answer the writing caller now: its ETag is the one
/// If-Match and If-None-Match on a write are compared with (<see cref="Preconditions"/>).
/// </summary>
/// <typeparam name="T">The stored item.</typeparam>
internal interface ICurrentRepresentation<in T>
{
    Task<object?> OfAsync(T item, CancellationToken ct);
}

/// <summary>
/// Conditional writes exactly as RFC 9110 §13 defines them, evaluated in its order (§13.2.2) against the ETag of the
/// target's current representation — the one a GET with the same credentials answers now:
/// <list type="bullet">
/// <item>If-Match (§13.1.1): <c>*</c> or a list of entity-tags compared whole and strongly, so a weak tag never
/// matches and neither does a tag Portal did not issue for the current representation ("r3-garbage"); else 412.</item>
/// <item>If-None-Match (§13.1.2): <c>*</c> or a list of tags compared weakly; on a write, a match means the client asked
/// not to overwrite what is there: 412 and nothing changes.</item>
/// <item>A header that is not <c>*</c> or a list of quoted entity-tags is a 400 naming it.</item>
/// </list>
/// Without If-Match a write proceeds (a lost race is 409), except where <see cref="RequireAsync"/> demands one (428).
/// A view count that moved since the GET changes the representation and so its ETag: GET again and retry.
/// </summary>
internal static class Preconditions
{
    /// <summary>Null when the request may proceed against <paramref name="current"/>; otherwise the problem (400, 412).</summary>
    public static Task<ProblemHttpResult?> CheckAsync(HttpRequest request, Func<Task<object?>> current) =>
        EvaluateAsync(request, current, required: false);

    /// <summary><see cref="CheckAsync(HttpRequest, Func{Task{object}})"/> for a representation at hand.</summary>
    public static Task<ProblemHttpResult?> CheckAsync(HttpRequest request, object current) =>
        EvaluateAsync(request, () => Task.FromResult<object?>(current), required: false);

    /// <summary>
    /// As <see cref="CheckAsync(HttpRequest, object)"/>, but a request without If-Match is refused with 428 (RFC 6585 §3):
    /// for shared singletons such as the site settings, where a blind overwrite would silently undo another admin's
    /// change. <c>If-Match: *</c> is the explicit way to overwrite whatever is there.
    /// </summary>
    public static Task<ProblemHttpResult?> RequireAsync(HttpRequest request, object current) =>
        EvaluateAsync(request, () => Task.FromResult<object?>(current), required: true);

    /// <summary>
    /// The answer when another writer won the race between the load and the save: 412 only when the client sent
    /// If-Match (its precondition no longer holds); a client that sent none gets 409, since it stated no precondition.
    /// </summary>
    public static ProblemHttpResult LostRace(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0
            ? Problems.PreconditionFailed("Another change was saved first; GET the resource again and retry.")
            : Problems.Conflict("Another change to this resource was saved at the same moment; GET it again and retry.");

    /// <summary>Sets the ETag header for a write's response the same way a GET of the resource would.</summary>
    public static void SetETag(HttpContext context, object representation, System.Text.Json.JsonSerializerOptions json)
    {
        context.Response.Headers.ETag = ETagOf(representation, json);
        context.Response.Headers.CacheControl = ConditionalGet.PrivateCacheControl;
    }

    private static string ETagOf(object representation, System.Text.Json.JsonSerializerOptions json) =>
        ConditionalGet.ETagFor(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), json), representation);

    private static async Task<ProblemHttpResult?> EvaluateAsync(HttpRequest request, Func<Task<object?>> current, bool required)
    {
        var ifMatch = request.Headers.IfMatch;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        var badMatch = ifMatch.Count > 0 && !TryParse(ifMatch, out _);
        if (badMatch || (ifNoneMatch.Count > 0 && !TryParse(ifNoneMatch, out _)))
        {
            var header = badMatch ? HeaderNames.IfMatch : HeaderNames.IfNoneMatch;
            return Problems.Field(StatusCodes.Status400BadRequest, header,
                $"'{header}' must be * or a comma-separated list of entity-tags as ETag gives them, quotes included (\"r2-…\", W/\"…\"); RFC 9110 §13.1.");
        }

        string? etag = null;
        async Task<EntityTagHeaderValue> Current()
        {
            if (etag is null)
            {
                var representation = await current();
                var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                etag = representation is null ? "\"\"" : ETagOf(representation, json);
            }

            return new EntityTagHeaderValue(etag);
        }

        if (TryParse(ifMatch, out var match) && !IsAny(match))
        {
            var now = await Current();
            if (!match.Any(t => t.Compare(now, useStrongComparison: true)))
            {
                return Problems.PreconditionFailed(match.All(t => t.IsWeak)
                    ? "If-Match compares entity-tags strongly (RFC 9110 §13.1.1): a weak tag (W/\"…\") never matches. Send the ETag as GET gave it."
                    : $"The resource has changed since that ETag was issued, or it is not one Portal issued (now {now}); GET it again and retry.");
            }
        }

        if (TryParse(ifNoneMatch, out var noneMatch))
        {
            if (IsAny(noneMatch))
            {
                return Problems.PreconditionFailed("If-None-Match: * asks to write only where nothing exists, and this resource exists (RFC 9110 §13.1.2); nothing was changed.");
            }

            var now = await Current();
            if (noneMatch.Any(t => t.Compare(now, useStrongComparison: false)))
            {
                return Problems.PreconditionFailed($"If-None-Match names the current ETag {now}, so the write was not made (RFC 9110 §13.1.2); nothing was changed.");
            }
        }

        // Last: an If-None-Match that matches is a 412 (the client asked not to write), even where If-Match is required.
        return required && ifMatch.Count == 0
            ? Problems.PreconditionRequired("Send If-Match with the ETag from your last GET (or '*' to overwrite whatever is there).")
            : null;
    }

    private static bool IsAny(IList<EntityTagHeaderValue> tags) => tags.Count == 1 && tags[0].Equals(EntityTagHeaderValue.Any);

    /// <summary>"*" alone, or one or more quoted entity-tags (RFC 9110 §8.8.3, §13.1.1); false for anything else.</summary>
    private static bool TryParse(Microsoft.Extensions.Primitives.StringValues values, out IList<EntityTagHeaderValue> tags)
    {
        if (values.Count == 0 || !EntityTagHeaderValue.TryParseStrictList(values, out var parsed) || parsed.Count == 0)
        {
            tags = [];
            return false;
        }

        tags = parsed;
        return parsed.Count == 1 || !parsed.Any(t => t.Equals(EntityTagHeaderValue.Any));
    }
}
