namespace Portal.Domain.Sync;

/// <summary>An admin's webhook subscription: where to POST which events, signed with <see cref="Secret"/>.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public string Url { get; set; } = "";

    /// <summary>Subscribed event names (see <see cref="ContentEvents.All"/>), comma-separated.</summary>
    public string Events { get; set; } = "";

    /// <summary>HMAC-SHA256 key for the X-Portal-Signature header.</summary>
    public string Secret { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public bool Wants(string eventName) => Enabled && Events.Split(',').Contains(eventName, StringComparer.Ordinal);
}

/// <summary>
/// One event queued for one subscription (the outbox). Written in the same transaction as the change, so an event is
/// delivered if and only if its change was committed. Retried with exponential backoff until delivered or given up.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public string Event { get; set; } = "";

    /// <summary>The exact JSON body sent (and signed).</summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>UTC instant of the next try; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? GaveUpAt { get; set; }

    /// <summary>Until when a worker holds this delivery (so two instances never send it twice at once).</summary>
    public DateTime? LeaseUntil { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}
