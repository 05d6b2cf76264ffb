using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Hits;

namespace Portal.Api.Features.Hits;

/// <summary>/api/v1/hits — the visit counter ("Số lượt truy cập — Trong ngày / Tất cả").</summary>
internal static class HitEndpoints
{
    /// <summary>Cookie that identifies a browser across page views (a random id; no IP address is ever stored).</summary>
    public const string VisitorCookie = "portal_vid";

    /// <summary>Header a frontend server uses to pass its own visitor id when it reports hits on a reader's behalf.</summary>
    public const string VisitorHeader = "X-Visitor-Id";

    public static IEndpointRouteBuilder MapHits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hits").WithTags("Visit counter");
        group.MapGet("", Get)
            .WithName("GetHits")
            .WithSummary("Get the visit counter")
            .WithDescription("today and total are visits; 'today' is the calendar day in Asia/Ho_Chi_Minh, returned as date. Page views are given too.")
            .WithETag();
        group.MapGet("daily", Daily)
            .WithName("GetDailyHits")
            .WithSummary("Get visits and page views per day")
            .WithDescription("from and to are calendar dates in Asia/Ho_Chi_Minh (YYYY-MM-DD), inclusive, at most 366 days apart; default the last 30 days.")
            .WithETag();
        group.MapPost("", Post)
            .WithName("PostHit")
            .WithSummary("Count a page view")
            .WithDescription($"Counts one page view, and a visit when the visitor was idle for 30 minutes or the Vietnamese day changed; with articleId or directiveId, that item's viewCount too. The visitor is identified by the {VisitorHeader} header (8-64 characters of A-Z, a-z, 0-9, '-' and '_') or else by the {VisitorCookie} cookie, which this endpoint sets when missing; no IP address is stored. The answer's visitorId is the id the hit was counted under: a page on another site, where the cookie does not travel, keeps it (e.g. in localStorage) and sends it back as {VisitorHeader} with its next hits. Allowed from any origin (CORS, without credentials). Crawlers (User-Agent matching the crawler-user-agents list, e.g. Googlebot, bingbot) get 202 but are not counted, so a frontend server reporting on a reader's behalf forwards the reader's User-Agent. Each remote address (X-Forwarded-For counts only from trusted proxies) may post a configured number of hits per window (default 600 a minute), and each visitor id at an address 60 a minute; beyond that 429 with Retry-After, not counted. A frontend server reporting hits for its readers must be a trusted proxy and send each reader's address in X-Forwarded-For, or its readers share one address's limit.")
            .Validates<HitCommand>()
            .RequireHitRateLimit()
            .RequireCors(Cors.Hits);
        return app;
    }

    public static async Task<Ok<HitTotals>> Get(HitCounter counter, CancellationToken ct) =>
        TypedResults.Ok(await counter.TotalsAsync(ct));

    private static readonly DateOnly EarliestDay = new(2000, 1, 1);
    private static readonly DateOnly LatestDay = new(8999, 12, 31);

    public static async Task<Results<Ok<IReadOnlyList<DayTotals>>, ValidationProblem>> Daily(
        [AsParameters] DailyHitsQuery query, HitCounter counter, TimeProvider clock, CancellationToken ct)
    {
        var (from, to) = (query.From, query.To);
        var today = VietnamTime.DateOf(clock.GetUtcNow());
        var errors = new QueryErrors();
        // Counting began long after 2000 and cannot reach 9000: bounding the dates keeps day arithmetic in range.
        foreach (var (name, value) in new[] { ("from", from?.Value), ("to", to?.Value) })
        {
            if (value is { } d && (d < EarliestDay || d > LatestDay))
            {
                errors.Add(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a date between {EarliestDay:yyyy-MM-dd} and {LatestDay:yyyy-MM-dd}."));
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var last = to?.Value ?? today;
        var first = from?.Value ?? last.AddDays(-29);
        if (first > last)
        {
            errors.Add("to", "'to' must not be before 'from'.");
        }
        else if (last.DayNumber - first.DayNumber > 365)
        {
            errors.Add("from", "The range may span at most 366 days.");
        }

        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await counter.DailyAsync(first, last, ct));
    }

    public static Results<Accepted<HitReceipt>, ValidationProblem> Post(HitCommand command, HitCounter counter, CrawlerDetector crawlers, HttpContext http)
    {
        var request = http.Request;
        var header = request.Headers[VisitorHeader].ToString();
        if (header.Length > 0 && !IsVisitorId(header))
        {
            return Problems.Invalid(VisitorHeader, $"'{VisitorHeader}' must be 8-64 characters of A-Z, a-z, 0-9, '-' and '_'.");
        }

        if (crawlers.IsCrawler(request.Headers.UserAgent.ToString()))
        {
            return TypedResults.Accepted((string?)null, new HitReceipt(VisitorOf(request)));
        }

        var visitor = VisitorOf(request) ?? NewVisitor(http);
        counter.Record(visitor, command.ArticleId, command.DirectiveId);
        return TypedResults.Accepted((string?)null, new HitReceipt(visitor));
    }

    /// <summary>The visitor id sent by a frontend server (X-Visitor-Id) or else by the browser (cookie); null when neither is valid.</summary>
    public static string? VisitorOf(HttpRequest request)
    {
        var header = request.Headers[VisitorHeader].ToString();
        if (header.Length > 0)
        {
            return IsVisitorId(header) ? header : null;
        }

        return request.Cookies[VisitorCookie] is { } cookie && IsVisitorId(cookie) ? cookie : null;
    }

    private static string NewVisitor(HttpContext http)
    {
        var visitor = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(VisitorCookie, visitor, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return visitor;
    }

    private static bool IsVisitorId(string value) =>
        value.Length is >= 8 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>The answer to a counted page view.</summary>
/// <param name="VisitorId">
/// The visitor id the page view was counted under (the X-Visitor-Id sent, the portal_vid cookie, or a new random id that
/// the cookie now carries); send it back as X-Visitor-Id with the next hits where the cookie cannot travel (another site).
/// Null only for a crawler's hit that carried no id (not counted).
/// </param>
public sealed record HitReceipt(string? VisitorId);

/// <summary>The days of the daily counter.</summary>
/// <param name="From">First day (inclusive), YYYY-MM-DD in Asia/Ho_Chi_Minh.</param>
/// <param name="To">Last day (inclusive), YYYY-MM-DD in Asia/Ho_Chi_Minh.</param>
public sealed record DailyHitsQuery(
    [FromQuery(Name = "from")] QueryDate? From,
    [FromQuery(Name = "to")] QueryDate? To);
