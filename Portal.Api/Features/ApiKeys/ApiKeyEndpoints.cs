using FluentValidation;
using Portal.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Api.Features.ApiKeys;

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, Role Role, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A newly created key: <c>secret</c> is shown this once and cannot be recovered.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, Role Role, string Prefix, DateTime CreatedAt, string Secret);

/// <summary>Create a key: a name for people to recognise it (1-100 characters) and its role.</summary>
public sealed record CreateApiKeyCommand(string? Name, Role? Role);

public sealed class CreateApiKeyValidator : PortalValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Role).NotNull().IsInEnum();
    }
}

/// <summary>/api/v1/api-keys — admins list, create and revoke keys.</summary>
internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys")
            .RequireRole(ApiKeyAuthentication.AdminPolicy);
        group.MapGet("", List).WithName("ListApiKeys").WithSummary("List API keys (admin)").WithETag();
        group.MapPost("", Create).WithName("CreateApiKey").WithSummary("Create an API key (admin); the secret is returned once").Validates<CreateApiKeyCommand>();
        group.MapDelete("{id:guid}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke an API key (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> List(PortalDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>(await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct));

    public static async Task<Created<CreatedApiKeyResponse>> Create(CreateApiKeyCommand command, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var secret = ApiKeySecrets.NewSecret();
        var key = ApiKeySecrets.NewKey(command.Name!.Trim(), command.Role!.Value, secret, clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKeyResponse(key.Id, key.Name, key.Role, key.Prefix, key.CreatedAt, secret));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return revoked == 1 ? TypedResults.NoContent() : Problems.NotFound($"No active API key has the id '{id}'.");
    }
}
