using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Portal.Api.Infrastructure;

/// <summary>
/// If-Match on writes (RFC 9110 §13.1.1). Portal's ETags for resources are <c>"r{version}-{hash}"</c>: the
/// revision decides, so a view count that moved since the editor's GET does not make the write fail.
/// No If-Match header: the write proceeds (a lost race is 409). A stale one: 412 and nothing changes.
/// </summary>
internal static class Preconditions
{
    /// <summary>Null when the request may proceed against revision <paramref name="currentVersion"/>; otherwise the 412 problem.</summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, int currentVersion)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return Problems.PreconditionFailed("The If-Match header is not a list of entity tags.");
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && VersionOf(t.Tag.Value) == currentVersion))
            ? null
            : Problems.PreconditionFailed($"The resource has changed since that ETag was issued (now at revision {currentVersion}); GET it again and retry.");
    }

    /// <summary>
    /// As <see cref="CheckIfMatch"/>, but a request without If-Match is refused with 428 (RFC 6585 §3): for shared
    /// singletons such as the site settings, where a blind overwrite would silently undo another admin's change.
    /// <c>If-Match: *</c> is the explicit way to overwrite whatever is there.
    /// </summary>
    public static ProblemHttpResult? RequireIfMatch(HttpRequest request, int currentVersion) =>
        request.Headers.IfMatch.Count == 0
            ? Problems.PreconditionRequired("Send If-Match with the ETag from your last GET (or '*' to overwrite whatever is there).")
            : CheckIfMatch(request, currentVersion);

    /// <summary>
    /// The answer when another writer won the race between the load and the save: 412 only when the client sent
    /// If-Match (its precondition no longer holds); a client that sent none gets 409, since it stated no precondition.
    /// </summary>
    public static ProblemHttpResult LostRace(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0
            ? Problems.PreconditionFailed("Another change was saved first; GET the resource again and retry.")
            : Problems.Conflict("Another change to this resource was saved at the same moment; GET it again and retry.");

    private static int? VersionOf(string? quoted)
    {
        if (quoted is null || quoted.Length < 4 || quoted[1] != 'r')
        {
            return null;
        }

        var dash = quoted.IndexOf('-', StringComparison.Ordinal);
        return dash > 2 && int.TryParse(quoted.AsSpan(2, dash - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Sets the ETag header for a write's response the same way a GET of the resource would.</summary>
    public static void SetETag(HttpContext context, object representation, System.Text.Json.JsonSerializerOptions json)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), json);
        context.Response.Headers.ETag = ConditionalGet.ETagFor(bytes, representation);
        context.Response.Headers.CacheControl = ConditionalGet.PrivateCacheControl;
    }
}
