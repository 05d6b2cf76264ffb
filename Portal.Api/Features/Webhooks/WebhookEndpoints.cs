using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Sync;

namespace Portal.Api.Features.Webhooks;

/// <summary>Create a subscription: an http(s) URL, the events wanted (see ContentEvents, at most 20 names), and a secret of 16-200 characters.</summary>
public sealed record WebhookCommand(
    string? Url, [property: MaxLength(WebhookCommandValidator.MaxEvents)] IReadOnlyList<string>? Events, string? Secret, bool? Enabled);

/// <summary>A subscription as listed (the secret is never returned).</summary>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTime CreatedAt);

/// <summary>One delivery in the log: attempts so far, last HTTP status or error, and when it was delivered or given up.</summary>
public sealed record DeliveryResponse(Guid Id, string Event, DateTime CreatedAt, int Attempts, DateTime? NextAttemptAt, DateTime? DeliveredAt, DateTime? GaveUpAt, int? LastStatusCode, string? LastError);

/// <summary>Rules for <see cref="WebhookCommand"/>.</summary>
public sealed class WebhookCommandValidator : PortalValidator<WebhookCommand>
{
    /// <summary>Most event names a subscription request may list: every event, with room for repeats (which count once).</summary>
    public const int MaxEvents = 20;

    public WebhookCommandValidator()
    {
        RuleFor(x => x.Url).NotEmpty().HttpUrl().MaximumLength(2000);
        RuleFor(x => x.Events).NotEmpty().WithMessage("Subscribe to at least one event.")
            .Must(e => e!.Count <= MaxEvents).WithMessage($"List at most {MaxEvents} events.");
        RuleForEach(x => x.Events).Must(e => ContentEvents.All.Contains(e, StringComparer.Ordinal))
            .WithMessage(e => $"Unknown event; use one of {string.Join(", ", ContentEvents.All)}.");
        RuleFor(x => x.Secret).NotEmpty().Length(16, 200);
    }
}

/// <summary>/api/v1/webhooks — admins subscribe to content events; deliveries are signed, logged and retried.</summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks")
            .RequireRole(ApiKeyAuthentication.AdminPolicy);
        group.MapGet("", List).WithName("ListWebhooks").WithSummary("List webhook subscriptions (admin)").WithETag();
        group.MapPost("", Create).WithName("CreateWebhook").WithSummary("Subscribe a URL to content events (admin)")
            .WithDescription("Events: article.published|updated|unpublished|deleted, directive.published|updated|unpublished|deleted, settings.changed. Each delivery is a JSON POST signed with X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>. Unless Webhooks:AllowPrivateNetworks is set, a url whose host is certainly not public (a loopback, private or link-local IP address in any notation, localhost, *.localhost, *.local, *.home.arpa, *.internal) is a 400 naming url; other names are resolved at every delivery and refused there.")
            .Validates<WebhookCommand>();
        group.MapDelete("{id:guid}", Delete).WithName("DeleteWebhook").WithSummary("Delete a subscription and its log (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries").WithSummary("The last 100 deliveries of a subscription (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).WithETag();
        group.MapPost("{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again now (admin)")
            .WithDescription("Queues the same body for an immediate try, whether it was delivered, is retrying or was given up.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<WebhookResponse>>> List(PortalDbContext db, CancellationToken ct)
    {
        var all = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<WebhookResponse>>(all.Select(ToResponse).ToList());
    }

    public static async Task<Results<Created<WebhookResponse>, ValidationProblem>> Create(
        WebhookCommand command, PortalDbContext db, WebhookOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (!options.AllowPrivateNetworks && Feeds.NetworkGuard.UrlRefusal(command.Url!) is { } reason)
        {
            return Problems.Invalid("url", $"The receiver's host is not public: {reason}; webhooks may only be delivered to public addresses (set Webhooks:AllowPrivateNetworks to allow it).");
        }

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = command.Url!,
            Events = string.Join(',', command.Events!.Distinct(StringComparer.Ordinal)),
            Secret = command.Secret!,
            Enabled = command.Enabled ?? true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", ToResponse(subscription));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, CancellationToken ct) =>
        await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 1
            ? TypedResults.NoContent()
            : Problems.NotFound($"No webhook subscription has the id '{id}'.");

    public static async Task<Results<Ok<IReadOnlyList<DeliveryResponse>>, ProblemHttpResult>> Deliveries(Guid id, PortalDbContext db, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct))
        {
            return Problems.NotFound($"No webhook subscription has the id '{id}'.");
        }

        return TypedResults.Ok<IReadOnlyList<DeliveryResponse>>(await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(100)
            .Select(d => new DeliveryResponse(d.Id, d.Event, d.CreatedAt, d.Attempts, d.NextAttemptAt, d.DeliveredAt, d.GaveUpAt, d.LastStatusCode, d.LastError))
            .ToListAsync(ct));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Redeliver(Guid id, Guid deliveryId, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.SubscriptionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.GaveUpAt, (DateTime?)null).SetProperty(d => d.LeaseUntil, (DateTime?)null), ct);
        return queued == 1
            ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries")
            : Problems.NotFound($"Subscription '{id}' has no delivery '{deliveryId}'.");
    }

    private static WebhookResponse ToResponse(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Enabled, s.CreatedAt);
}
