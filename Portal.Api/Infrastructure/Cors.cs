namespace Portal.Api.Infrastructure;

/// <summary>
/// Browser access: anonymous GETs from any origin; writes only from the origins listed in
/// <c>Cors:WriteOrigins</c>. Two policies: the default one (reads) and <see cref="Writes"/>.
/// </summary>
internal static class Cors
{
    public const string Writes = "writes";

    public static IServiceCollection AddPortalCors(this IServiceCollection services, IConfiguration configuration)
    {
        var writeOrigins = configuration.GetSection("Cors:WriteOrigins").Get<string[]>() ?? [];
        services.AddCors(o =>
        {
            o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("If-None-Match").WithExposedHeaders("ETag", "Location"));
            o.AddPolicy(Writes, p => p.WithOrigins(writeOrigins)
                .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Visitor-Id")
                .WithExposedHeaders("ETag", "Location", "Retry-After")
                .AllowCredentials());
        });
        return services;
    }
}
