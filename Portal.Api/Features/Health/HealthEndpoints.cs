using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Api.Data;

namespace Portal.Api.Features.Health;

/// <summary>/health — 200 "Healthy" when the database answers a query, 503 otherwise.</summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithName("Health").WithSummary("Health check: the database answers").WithTags("Health");
        return app;
    }
}
