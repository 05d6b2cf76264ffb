using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;

namespace Portal.Api.Infrastructure.Caching;

/// <summary>Response cache options, bound from the <c>Cache</c> configuration section.</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Serve anonymous reads from memory while the data behind them is unchanged (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the cached responses may take, in megabytes (default 32); the least used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 32;

    /// <summary>
    /// How old, in seconds, the view counts in a cached response may be (default 60, as <c>Cache-Control: max-age</c>
    /// lets a CDN keep it anyway). Counter flushes do not refresh cached responses; each response is rendered afresh
    /// at least this often, at an instant that differs from URL to URL so that entries do not all expire together.
    /// </summary>
    public int ViewCountMaxAgeSeconds { get; set; } = 60;
}

/// <summary>
/// The framework's output cache for anonymous reads (articles, directives, settings, catalogues, feeds). A response is
/// keyed by method, host, path (case-sensitive, as slugs are) and raw request target, every query parameter, the <see cref="ContentVersion"/>
/// read before rendering, and the <see cref="ContentHorizon"/>. So an edit — through this instance or, on PostgreSQL,
/// any other — is seen by the very next read, a scheduled item appears at its publish instant, and nothing is served
/// past a change. Requests with an Authorization header (editors, admins) are never served from or stored in the cache,
/// nor are responses other than 200 or ones setting a cookie. HEAD requests (answered wherever GET is) are not cached either.
/// The counter's flush is not a content write and leaves the cache alone: view counts in a cached response are those
/// of the instant it was rendered, at most <see cref="CacheOptions.ViewCountMaxAgeSeconds"/> old — the key carries a
/// per-URL period of that length on the injected clock.
/// </summary>
internal static class ReaderCache
{
    /// <summary>The output-cache policy name endpoints opt into with <see cref="CachedForReaders"/>.</summary>
    public const string Policy = "readers";

    private const string Tag = "content";

    public static IServiceCollection AddPortalReaderCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CacheOptions.Section).Get<CacheOptions>() ?? new CacheOptions();
        services.AddSingleton<ContentHorizon>();
        services.AddSingleton<VersionTracker>();
        services.AddOutputCache(o =>
        {
            o.UseCaseSensitivePaths = true;
            o.SizeLimit = (long)options.SizeLimitMegabytes * 1024 * 1024;
            o.AddPolicy(Policy, b =>
            {
                if (!options.Enabled)
                {
                    b.NoCache();
                    return;
                }

                // Any Authorization header, even an empty one, goes past the cache to authentication (401 for a bad one).
                // Only GETs: a HEAD is rendered afresh (its entry would hold no body, and a cached HEAD answers Content-Length: 0).
                var viewCountMaxAge = TimeSpan.FromSeconds(Math.Max(1, options.ViewCountMaxAgeSeconds));
                b.With(c => HttpMethods.IsGet(c.HttpContext.Request.Method) && c.HttpContext.Request.Headers.Authorization.Count == 0)
                    .Expire(viewCountMaxAge).Tag(Tag).VaryByValue(async (http, ct) =>
                    new KeyValuePair<string, string>("v", await http.RequestServices.GetRequiredService<VersionTracker>().KeyAsync(ct)))
                    // The decoded path conflates targets that differ only in encoding (%252F and %2F both read "%2F"), and
                    // by-number reads the raw target, so the raw target is part of the key.
                    .VaryByValue(http =>
                    {
                        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
                        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                        return new KeyValuePair<string, string>("raw", raw + " " + ViewCountPeriod(raw, clock.GetUtcNow(), viewCountMaxAge));
                    });
            });
        });
        return services;
    }

    /// <summary>
    /// The period of length <paramref name="maxAge"/> that <paramref name="now"/> falls in for one URL. Periods are
    /// shifted by an offset taken from the URL (stable within the process), so a busy portal's entries renew spread over
    /// the period rather than all at its end.
    /// </summary>
    internal static long ViewCountPeriod(string rawTarget, DateTimeOffset now, TimeSpan maxAge)
    {
        var offset = (uint)StringComparer.Ordinal.GetHashCode(rawTarget) % (ulong)maxAge.Ticks;
        return (now.UtcTicks + (long)offset) / maxAge.Ticks;
    }

    /// <summary>Lets anonymous GETs of this endpoint be served from the reader cache.</summary>
    public static RouteHandlerBuilder CachedForReaders(this RouteHandlerBuilder builder) => builder.CacheOutput(Policy);

    /// <summary>Reads the version and horizon for one request; drops the entries of older versions when it moves.</summary>
    private sealed class VersionTracker(ContentVersion version, ContentHorizon horizon, IOutputCacheStore store)
    {
        private long _lastSeen = long.MinValue;

        public async ValueTask<string> KeyAsync(CancellationToken ct)
        {
            var current = await version.CurrentAsync(ct);
            var previous = Interlocked.Exchange(ref _lastSeen, current);
            if (previous != current && previous != long.MinValue)
            {
                // Only memory is at stake: entries of older versions can no longer be hit.
                _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
            }

            return await horizon.KeyAsync(current, ct);
        }
    }
}
