using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Portal.Api.Infrastructure;

/// <summary>A response that carries a content revision, so its ETag can serve If-Match on writes.</summary>
public interface IVersioned
{
    /// <summary>Content revision, incremented by every write.</summary>
    int Version { get; }
}

/// <summary>
/// HTTP caching for GETs: a strong ETag over the exact response bytes, If-None-Match → 304, and
/// Cache-Control that depends on credentials: <c>public, max-age=60</c> for anonymous reads, <c>private, no-store</c>
/// when an Authorization header was sent. <c>Vary: Authorization</c> keeps a shared cache from handing an editor's
/// view to an anonymous reader or the reverse.
/// </summary>
internal static class ConditionalGet
{
    public const string PublicCacheControl = "public, max-age=60";
    public const string PrivateCacheControl = "private, no-store";

    /// <summary>For content-addressed files: the bytes behind a URL never change, so caches may keep them for a year.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>Adds the ETag filter and documents the 304 it can answer.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ETagFilter>()
            .Produces(StatusCodes.Status304NotModified)
            .WithMetadata(new ETaggedMetadata());

    /// <summary>The ETag of a representation: <c>"r{version}-{hash}"</c> for versioned resources, <c>"{hash}"</c> otherwise.</summary>
    public static string ETagFor(ReadOnlySpan<byte> body, object? value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        var tag = Convert.ToBase64String(hash[..12]).Replace('+', '-').Replace('/', '_');
        return value is IVersioned v ? $"\"r{v.Version}-{tag}\"" : $"\"{tag}\"";
    }

    /// <summary>True when an If-None-Match header value matches <paramref name="etag"/> (weak comparison, RFC 9110 §13.1.2).</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>ETag, Cache-Control (<paramref name="publicCacheControl"/> for anonymous reads, private otherwise) and Vary.</summary>
    public static void SetCachingHeaders(HttpContext context, string etag, string publicCacheControl = PublicCacheControl)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = context.Request.Headers.Authorization.Count > 0 ? PrivateCacheControl : publicCacheControl;
        headers.Append(HeaderNames.Vary, HeaderNames.Authorization);
    }

    internal sealed class ETaggedMetadata;

    private sealed class ETagFilter(IOptions<JsonOptions> json) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || inner is not IValueHttpResult { Value: { } value })
            {
                return result;
            }

            var http = context.HttpContext;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
            var etag = ETagFor(bytes, value);
            SetCachingHeaders(http, etag);
            // A reader-cache miss answers 200 even to a matching If-None-Match, so that the cache stores the body (it keeps
            // 200s only) and answers the following revalidations with 304 itself; otherwise a page only ever revalidated
            // would be rendered on every request.
            var storing = http.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };
            return !storing && IfNoneMatchMatches(http.Request, etag)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Bytes(bytes, "application/json; charset=utf-8");
        }
    }
}
