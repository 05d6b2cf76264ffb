namespace Portal.Api.Features.Hits;

/// <summary>
/// Flushes the counter every <see cref="HitOptions.FlushIntervalMs"/> and once more on graceful shutdown. The web
/// server stops (and drains its requests) before hosted services do, so the last flush sees every accepted hit.
/// </summary>
internal sealed partial class HitFlusher(HitCounter counter, HitOptions options, ILogger<HitFlusher> logger) : BackgroundService
{
    private const int ShutdownAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, options.FlushIntervalMs)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushLoggingErrorsAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Not cancellable: these are the last counts in memory. A failed attempt puts the batch back for the next.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await counter.FlushAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < ShutdownAttempts)
            {
                LogFlushFailed(logger, ex);
            }
        }
    }

    private async Task FlushLoggingErrorsAsync(CancellationToken ct)
    {
        try
        {
            await counter.FlushAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The batch was put back; the next tick retries it.
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing counter increments failed; they will be retried")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex);
}
