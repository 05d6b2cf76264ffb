using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Api.Features.Hits;

/// <summary>
/// The limits on POST /api/v1/hits, bound from <c>Hits:RateLimit</c>. The defaults and their reasoning are in README
/// ("The visit counter", Abuse): a busy office of 40 readers behind one NAT address skimming a page every 10 s posts
/// about 240 hits a minute; the address limit leaves room for 2.5 times that.
/// </summary>
public sealed class HitRateLimitOptions
{
    /// <summary>
    /// Hits one remote address may post per window (default 600); 0 or less turns every hit limit off (tests, load
    /// benches). The address is what the client cannot choose: the connection's peer, or X-Forwarded-For from a trusted proxy.
    /// </summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>
    /// Hits one visitor id (X-Visitor-Id or the visitor cookie) may post per window from one address (default 60, a page
    /// view a second); 0 or less turns this limit off. It stops one looping browser from using up its office's address
    /// limit; it limits no abuse, since the client chooses the id.
    /// </summary>
    public int VisitorPermitLimit { get; set; } = 60;

    /// <summary>Length of the fixed windows, in seconds (default 60).</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The framework's rate limiter (Microsoft.AspNetCore.RateLimiting) on POST /hits, two partitioned fixed-window limiters
/// chained: per visitor id at an address (<see cref="HitRateLimitOptions.VisitorPermitLimit"/>), then per remote address
/// (<see cref="HitRateLimitOptions.PermitLimit"/>). The address honours X-Forwarded-For only from trusted proxies
/// (<see cref="Infrastructure.TrustedProxies"/>), so a client that sends a new visitor id with every hit, or drops its
/// cookie, or forges X-Forwarded-For, still spends its address's permits. Keys live in memory only while their window
/// lasts; nothing is stored. A rejected request is a 429 problem with Retry-After in seconds, and is not counted.
/// </summary>
internal static class HitRateLimiting
{
    /// <summary>Endpoint metadata that puts an endpoint under the hit limits.</summary>
    internal sealed class Limited;

    private static readonly Limited Marker = new();

    // No address or visitor key looks like this (an address holds '.' or ':', a visitor key '|').
    private const string Unlimited = "unlimited";

    /// <summary>Puts the endpoint under the hit limits (and declares its 429).</summary>
    public static RouteHandlerBuilder RequireHitRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Marker).ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static IServiceCollection AddHitRateLimiting(this IServiceCollection services, HitRateLimitOptions options)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            if (options.PermitLimit > 0)
            {
                // The visitor's limiter first: a looping browser is stopped there before it spends its address's permits.
                o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    Partitioned(options.VisitorPermitLimit, window, VisitorKey),
                    Partitioned(options.PermitLimit, window, AddressKey));
            }

            o.OnRejected = (context, _) => RejectAsync(context, window);
        });
        return services;
    }

    /// <summary>The remote address after trusted proxies (ForwardedHeadersMiddleware has already applied them).</summary>
    internal static string AddressKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>The visitor id at its address, or null for a hit without one (a new visitor: the address limit holds it).</summary>
    internal static string? VisitorKey(HttpContext http) =>
        HitEndpoints.VisitorOf(http.Request) is { } visitor ? $"{visitor}|{AddressKey(http)}" : null;

    private static PartitionedRateLimiter<HttpContext> Partitioned(int permits, TimeSpan window, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            permits <= 0 || http.GetEndpoint()?.Metadata.GetMetadata<Limited>() is null || key(http) is not { } partition
                ? RateLimitPartition.GetNoLimiter(Unlimited)
                : RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                }));

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"Too many hits from this client; retry after {seconds} s.",
            },
        });
    }
}
