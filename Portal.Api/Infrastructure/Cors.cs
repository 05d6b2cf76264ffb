using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Browser access (the Fetch standard's CORS protocol). The policy depends on the caller's origin as well as the route:
/// <list type="bullet">
/// <item>Origins listed in <c>Cors:WriteOrigins</c> (an editor's page) may send every method Portal has with
/// <c>Authorization</c>, <c>If-Match</c> and <c>If-None-Match</c> — reads as well as writes, so the page can read a draft and its
/// ETag before a conditional write — and credentials; the origin is echoed with <c>Vary: Origin</c>.</item>
/// <item>Any other origin may read anonymously (GET, HEAD with <c>If-None-Match</c>; <c>Access-Control-Allow-Origin: *</c>)
/// and count page views (<c>POST /api/v1/hits</c> with <c>Content-Type</c> and <c>X-Visitor-Id</c>, the one anonymous
/// write); its preflights for anything else get no <c>Access-Control-Allow-Origin</c>, which the browser reads as refused.</item>
/// </list>
/// An anonymous actual GET is answered with <c>*</c> whatever its origin, so a response kept by the reader cache is right for
/// every reader. Every policy exposes the response headers a client needs: ETag, Location, Retry-After, Age, Content-Disposition.
/// </summary>
internal static class Cors
{
    /// <summary>Routes only editors' pages may call (everything but anonymous reads and hits).</summary>
    public const string Writes = "writes";

    /// <summary><c>POST /api/v1/hits</c>: allowed from any origin, without credentials.</summary>
    public const string Hits = "hits";

    /// <summary>Response headers scripts may read (beyond the CORS-safelisted ones such as Content-Type and Cache-Control).</summary>
    internal static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", "Age", "Content-Disposition"];

    public static IServiceCollection AddPortalCors(this IServiceCollection services, IConfiguration configuration)
    {
        var writeOrigins = configuration.GetSection("Cors:WriteOrigins").Get<string[]>() ?? [];
        services.AddCors();
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider>(new PortalCorsPolicies(writeOrigins)));
        return services;
    }

    /// <summary>Chooses the policy per request: by the caller's origin first, then by the route's policy name.</summary>
    private sealed class PortalCorsPolicies : ICorsPolicyProvider
    {
        private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

        private readonly HashSet<string> _writeOrigins;

        private readonly CorsPolicy _editors;

        private readonly CorsPolicy _readers = new CorsPolicyBuilder()
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match")
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(PreflightMaxAge)
            .Build();

        private readonly CorsPolicy _hits = new CorsPolicyBuilder()
            .AllowAnyOrigin()
            .WithMethods("POST")
            .WithHeaders("Content-Type", "X-Visitor-Id")
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(PreflightMaxAge)
            .Build();

        // No origin allowed: a preflight is answered 204 without Access-Control-Allow-Origin, which browsers treat as refused.
        private readonly CorsPolicy _refused = new CorsPolicyBuilder().Build();

        public PortalCorsPolicies(IEnumerable<string> writeOrigins)
        {
            _writeOrigins = new(writeOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
            // A predicate rather than a list, so that the answer always carries Vary: Origin (the framework omits it for one origin).
            _editors = new CorsPolicyBuilder()
                .SetIsOriginAllowed(_writeOrigins.Contains)
                .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Visitor-Id")
                .WithExposedHeaders(ExposedHeaders)
                .AllowCredentials()
                .SetPreflightMaxAge(PreflightMaxAge)
                .Build();
        }

        public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        {
            var request = context.Request;
            var editorPage = _writeOrigins.Contains(request.Headers.Origin.ToString());
            var policy = policyName switch
            {
                Writes => editorPage ? _editors : _refused,
                Hits => editorPage ? _editors : _hits,
                // Anonymous reads get '*' even from an editor's page: the reader cache keeps one response for every origin.
                _ => editorPage && (IsPreflight(request) || request.Headers.Authorization.Count > 0) ? _editors : _readers,
            };
            return Task.FromResult<CorsPolicy?>(policy);
        }

        private static bool IsPreflight(HttpRequest request) =>
            HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0;
    }
}
