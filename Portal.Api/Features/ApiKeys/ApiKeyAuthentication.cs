using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Domain.Access;

namespace Portal.Api.Features.ApiKeys;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> authentication against hashed keys in the database. No header: anonymous.
/// An unknown or revoked key: 401 (the request is not treated as anonymous, so a typo never silently hides drafts).
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PortalDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 200)
        {
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <key>'.");
        }

        var hash = ApiKeySecrets.Hash(header["Bearer ".Length..].Trim());
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Role })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, key.Role == Role.Admin ? AdminPolicy : EditorPolicy),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

internal static class ApiKeyAuthenticationSetup
{
    public static IServiceCollection AddPortalAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.EditorPolicy, p => p.RequireRole(ApiKeyAuthentication.EditorPolicy, ApiKeyAuthentication.AdminPolicy))
            .AddPolicy(ApiKeyAuthentication.AdminPolicy, p => p.RequireRole(ApiKeyAuthentication.AdminPolicy));
        return services;
    }

    /// <summary>
    /// A request that sends credentials which do not authenticate is answered 401 on every route, reads included:
    /// serving it anonymously would hide drafts from an editor whose key was mistyped or revoked, silently.
    /// </summary>
    public static IApplicationBuilder UseRejectInvalidCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync(ApiKeyAuthentication.SchemeName);
            return;
        }

        await next(context);
    });

    /// <summary>
    /// A sub-group for editors' writes (API.md "Access": editor covers articles, directives and their catalogues;
    /// admin covers everything): an editor or admin key, the writes CORS policy, and the 401/403 it can answer.
    /// </summary>
    public static RouteGroupBuilder MapEditorWrites(this RouteGroupBuilder group) =>
        group.MapGroup("").RequireRole(ApiKeyAuthentication.EditorPolicy);

    /// <summary>Requires a key with <paramref name="policy"/> ("editor" or "admin"), applies the writes CORS policy and documents the 401/403.</summary>
    public static RouteGroupBuilder RequireRole(this RouteGroupBuilder group, string policy) =>
        group.RequireAuthorization(policy)
            .RequireCors(Infrastructure.Cors.Writes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>True when the caller presented a valid key with the editor or admin role.</summary>
    public static bool IsEditor(this ClaimsPrincipal user) =>
        user.IsInRole(ApiKeyAuthentication.EditorPolicy) || user.IsInRole(ApiKeyAuthentication.AdminPolicy);
}
