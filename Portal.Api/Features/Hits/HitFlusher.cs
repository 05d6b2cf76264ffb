namespace Portal.Api.Features.Hits;

/// <summary>Flushes the counter every <see cref="HitOptions.FlushIntervalMs"/> and once more on graceful shutdown.</summary>
internal sealed partial class HitFlusher(HitCounter counter, HitOptions options, ILogger<HitFlusher> logger) : BackgroundService
{
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
        await counter.FlushAsync(CancellationToken.None);
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
