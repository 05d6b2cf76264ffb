using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Sync;

namespace Portal.Api.Features.Webhooks;

/// <summary>The JSON body of a webhook delivery; <c>data.url</c> is where the current representation can be read.</summary>
public sealed record WebhookPayload(Guid Id, string Event, DateTime OccurredAt, WebhookPayloadData Data);

/// <summary>What changed: its type, id and API path.</summary>
public sealed record WebhookPayloadData(string Type, string Id, string Url);

/// <summary>Queues webhook deliveries (tracked, saved with the change that caused them).</summary>
internal static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async ValueTask EnqueueAsync(PortalDbContext db, string eventName, string type, string id, DateTime now, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        foreach (var subscription in subscriptions.Where(s => s.Wants(eventName)))
        {
            var deliveryId = Guid.CreateVersion7();
            var payload = new WebhookPayload(deliveryId, eventName, now, new WebhookPayloadData(type, id, PathOf(type, id)));
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = deliveryId,
                SubscriptionId = subscription.Id,
                Event = eventName,
                Payload = JsonSerializer.Serialize(payload, Json),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public static string PathOf(string type, string id) => type switch
    {
        ContentEvents.ArticleType => $"/api/v1/articles/{id}",
        ContentEvents.DirectiveType => $"/api/v1/directives/{id}",
        _ => "/api/v1/settings",
    };
}
