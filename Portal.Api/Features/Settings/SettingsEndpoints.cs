using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Settings;

namespace Portal.Api.Features.Settings;

/// <summary>/api/v1/settings — the site-wide settings singleton.</summary>
internal static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/settings").WithTags("Settings");
        group.MapGet("", Get)
            .WithName("GetSettings")
            .WithSummary("Get the site settings")
            .WithDescription("Name, governing agency, responsible person, contacts, republishing notice, theme colours, banners and links: everything a footer and header need. Anonymous callers (and editors) see only the banners whose display period includes now; a request with an admin key sees every banner.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag().CachedForReaders();
        group.MapSettingsWrites();
        return app;
    }

    public static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Get(PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        return settings is null
            ? Problems.NotFound("The site settings have not been created yet.")
            : TypedResults.Ok(Represent(settings, clock.GetUtcNow().UtcDateTime, allBanners: user.IsInRole(ApiKeyAuthentication.AdminPolicy)));
    }

    /// <summary>
    /// The response for <paramref name="settings"/>: links in display order; banners all (admins) or only those
    /// active at <paramref name="nowUtc"/>.
    /// </summary>
    public static SettingsResponse Represent(SiteSettings settings, DateTime nowUtc, bool allBanners)
    {
        var response = SettingsMapper.ToResponse(settings);
        return response with
        {
            Banners = allBanners ? response.Banners : settings.Banners.Where(b => b.IsActiveAt(nowUtc)).Select(SettingsMapper.ToResponse).ToList(),
            Links = response.Links.OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList(),
        };
    }
}
