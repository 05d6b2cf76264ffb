using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Sync;
using Portal.Domain.Sync;

namespace Portal.Api.Features.Webhooks;

/// <summary>Delivery options, bound from the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How often the worker looks for due deliveries, in milliseconds (default 2,000).</summary>
    public int PollIntervalMs { get; set; } = 2000;

    /// <summary>First retry delay in seconds; each later one doubles it (default 30 s), capped at <see cref="MaxBackoffSeconds"/>.</summary>
    public int InitialBackoffSeconds { get; set; } = 30;

    /// <summary>Longest delay between tries (default 1 hour).</summary>
    public int MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>Tries before giving up (default 12: with the defaults about 8 hours of retrying).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Per-request timeout in seconds (default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Allow receivers on loopback, private and link-local addresses (default false: SSRF protection; checked when subscribing and at every delivery).</summary>
    public bool AllowPrivateNetworks { get; set; }
}

/// <summary>
/// Sends due outbox entries. Each POST carries <c>X-Portal-Event</c>, <c>X-Portal-Delivery</c> and
/// <c>X-Portal-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>; receivers recompute the
/// HMAC over the timestamp and the exact body, and reject old timestamps to stop replays. A 2xx answer is delivered;
/// anything else is retried with exponential backoff. A delivery is claimed with a lease before sending, so two
/// Portal instances never send the same delivery at once.
/// </summary>
public sealed class WebhookSender(IDbContextFactory<PortalDbContext> contexts, IHttpClientFactory http, TimeProvider clock, WebhookOptions options)
{
    public const string HttpClientName = "webhooks";

    /// <summary>Sends every delivery due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await ChangeLog.MaterializeDueAsync(db, now, ct);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var leaseUntil = now.AddSeconds(options.TimeoutSeconds * 3);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.NextAttemptAt != null && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, leaseUntil), ct);
            if (claimed == 1)
            {
                await SendAsync(db, id, ct);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The signature header value for <paramref name="body"/> at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task SendAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == id, ct);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        try
        {
            if (subscription is null || !subscription.Enabled)
            {
                throw new InvalidOperationException("The subscription is disabled.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Portal-Event", delivery.Event);
            request.Headers.Add("X-Portal-Delivery", delivery.Id.ToString());
            request.Headers.Add("X-Portal-Signature", Sign(subscription.Secret, now.ToUnixTimeSeconds(), delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            delivery.LastError = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or Feeds.FeedAddressRefusedException)
        {
            delivery.LastStatusCode = null;
            delivery.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }

        Settle(delivery, now.UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Settle(WebhookDelivery delivery, DateTime now)
    {
        delivery.LeaseUntil = null;
        if (delivery.LastError is null)
        {
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
        }
        else if (delivery.Attempts >= options.MaxAttempts)
        {
            delivery.GaveUpAt = now;
            delivery.NextAttemptAt = null;
        }
        else
        {
            var backoff = Math.Min(options.MaxBackoffSeconds, options.InitialBackoffSeconds * Math.Pow(2, delivery.Attempts - 1));
            delivery.NextAttemptAt = now.AddSeconds(backoff);
        }
    }
}

/// <summary>Runs <see cref="WebhookSender.DeliverDueAsync"/> every <see cref="WebhookOptions.PollIntervalMs"/>.</summary>
internal sealed partial class WebhookWorker(WebhookSender sender, WebhookOptions options, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.PollIntervalMs)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sender.DeliverDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; undelivered entries stay in the outbox.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery tick failed; it will run again")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
