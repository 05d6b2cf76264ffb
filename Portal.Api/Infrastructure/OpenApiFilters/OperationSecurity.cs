using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Portal.Api.Features.ApiKeys;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Portal.Api.Infrastructure.OpenApiFilters;

/// <summary>
/// Each operation's security, from its endpoint's authorization metadata: an operation that requires a policy
/// requires the bearer API key, and its description names the roles the policy admits; every other operation is
/// anonymous with an optional key (<c>security: [{}, {bearer: []}]</c>) — an editor's key shows drafts on reads.
/// Every operation documents 401: credentials that do not authenticate are refused on every route
/// (<see cref="ApiKeyAuthenticationSetup.UseRejectInvalidCredentials"/>); required ones also document 403.
/// </summary>
internal sealed class OperationSecurity : IOperationFilter
{
    public const string SchemeName = "bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
        if (policies.Count == 0 || anonymous)
        {
            operation.Security = [new OpenApiSecurityRequirement(), key];
            operation.Description = Append(operation.Description, "Access: anonymous; an API key may be sent (reads then show an editor drafts too), and one that does not authenticate is 401.");
        }
        else
        {
            operation.Security = [key];
            var roles = policies.SelectMany(RolesOf).Distinct().ToList();
            operation.Description = Append(operation.Description, $"Access: an API key with the role {string.Join(" or ", roles)}.");
            Responses.Problem(operation, context, StatusCodes.Status403Forbidden, "The key's role may not do this.");
        }

        Responses.Problem(operation, context, StatusCodes.Status401Unauthorized, "No key where one is required, or a key that does not authenticate (unknown, revoked, malformed).");
    }

    private static IEnumerable<string> RolesOf(string policy) => policy == ApiKeyAuthentication.EditorPolicy
        ? [ApiKeyAuthentication.EditorPolicy, ApiKeyAuthentication.AdminPolicy]
        : [policy];

    private static string Append(string? description, string sentence) =>
        string.IsNullOrEmpty(description) ? sentence : description + "\n\n" + sentence;
}
