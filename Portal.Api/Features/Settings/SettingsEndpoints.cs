using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure;
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
            .WithDescription("Name, governing agency, responsible person, contacts, republishing notice, theme colours, banners active now and links: everything a footer and header need.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();
        return app;
    }

    public static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Get(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null)
        {
            return Problems.NotFound("The site settings have not been created yet.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        settings.Banners = settings.Banners.Where(b => b.IsActiveAt(now)).ToList();
        settings.Links = settings.Links.OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(SettingsMapper.ToResponse(settings));
    }
}
