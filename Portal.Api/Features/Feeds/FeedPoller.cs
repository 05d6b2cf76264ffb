using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>
/// Polls enabled sources on their intervals. The loop ticks every <see cref="FeedOptions.PollCheckSeconds"/> on the
/// injected <see cref="TimeProvider"/> and calls <see cref="PollOnceAsync"/>, which tests call directly with the
/// instant they want. Sources are imported one after another; each import claims its source first.
/// </summary>
internal sealed partial class FeedPoller(IServiceScopeFactory scopes, FeedOptions options, TimeProvider clock, ILogger<FeedPoller> logger) : BackgroundService
{
    /// <summary>Sources looked at per tick; the rest are due at the next tick.</summary>
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.PollerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.PollCheckSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PollOnceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be busy or gone for a moment: the next tick tries again.
                    LogPollFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; a source claimed mid-import is released by its importer.
        }
    }

    /// <summary>Imports every enabled source due at <paramref name="nowUtc"/> that this instance can claim; returns their reports.</summary>
    public async Task<IReadOnlyList<FeedRun>> PollOnceAsync(DateTime nowUtc, CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            due = await db.FeedSources.AsNoTracking()
                .Where(s => s.Enabled && s.NextPollAt <= nowUtc && (s.LeaseUntil == null || s.LeaseUntil < nowUtc))
                .OrderBy(s => s.NextPollAt).ThenBy(s => s.Id)
                .Select(s => s.Id).Take(BatchSize).ToListAsync(ct);
        }

        var runs = new List<FeedRun>();
        foreach (var id in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<FeedImporter>();
                if (await importer.ImportAsync(id, nowUtc, scheduled: true, ct) is { } run)
                {
                    runs.Add(run);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken source must not stop the others; its lease expires and a later tick retries it.
                LogImportFailed(logger, id, ex);
            }
        }

        return runs;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due feed sources failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Importing feed source {SourceId} failed")]
    private static partial void LogImportFailed(ILogger logger, Guid sourceId, Exception ex);
}
