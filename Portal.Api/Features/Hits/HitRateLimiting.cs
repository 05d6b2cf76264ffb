using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Api.Features.Hits;

/// <summary>Per-client limit on POST /api/v1/hits, bound from <c>Hits:RateLimit</c>.</summary>
public sealed class HitRateLimitOptions
{
    /// <summary>Hits one client may post per window (default 60); 0 or less turns the limit off (tests, load benches).</summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>Length of the fixed window, in seconds (default 60).</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The framework's rate limiter (Microsoft.AspNetCore.RateLimiting) on POST /hits, partitioned by client: the visitor
/// id (X-Visitor-Id, else the visitor cookie) together with the remote address, which honours X-Forwarded-For only
/// from trusted proxies (<see cref="Infrastructure.TrustedProxies"/>). A reader without a cookie yet shares their
/// address's bucket. A rejected request is a 429 problem with Retry-After in seconds.
/// </summary>
internal static class HitRateLimiting
{
    public const string Policy = "hits";

    public static IServiceCollection AddHitRateLimiting(this IServiceCollection services, HitRateLimitOptions options)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => options.PermitLimit <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = window,
                    QueueLimit = 0,
                }));
            o.OnRejected = (context, _) => RejectAsync(context, window);
        });
        return services;
    }

    /// <summary>The partition key: visitor id and remote address, held in memory only while the window lasts.</summary>
    private static string ClientOf(HttpContext http) =>
        $"{HitEndpoints.VisitorOf(http.Request) ?? ""}|{http.Connection.RemoteIpAddress}";

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
