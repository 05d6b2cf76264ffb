using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>
/// One import run of one source: claim it (a conditional UPDATE on <see cref="FeedSource.LeaseUntil"/>, so that
/// instances sharing a database never import a source twice in one interval), fetch with the stored validators,
/// parse, upsert every item, store the report (keeping the newest <see cref="FeedOptions.RunsKept"/>) and release
/// the claim with the next poll instant.
/// </summary>
internal sealed class FeedImporter(PortalDbContext db, FeedFetcher fetcher, FeedItemWriter writer, FeedOptions options, TimeProvider clock)
{
    /// <summary>
    /// Imports <paramref name="sourceId"/> as at <paramref name="nowUtc"/>. Scheduled runs claim only enabled sources
    /// that are due; manual runs claim any source that no one else holds. Null when the claim failed.
    /// </summary>
    public async Task<FeedRun?> ImportAsync(Guid sourceId, DateTime nowUtc, bool scheduled, CancellationToken ct)
    {
        if (!await ClaimAsync(sourceId, nowUtc, scheduled, ct))
        {
            return null;
        }

        var source = await db.FeedSources.AsNoTracking().FirstAsync(s => s.Id == sourceId, ct);
        var run = new FeedRun { Id = Guid.CreateVersion7(), SourceId = sourceId, StartedAt = nowUtc };
        Validators? validators = null;
        var finished = false;
        try
        {
            validators = await RunAsync(source, run, nowUtc, ct);
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // Cancelled (shutdown) or a bug: the report must not claim a complete import.
                Fail(run, "The import stopped before it finished; the next run starts again.");
            }

            // Saved and released in every case, so that the lease does not have to time out.
            await FinishAsync(source, run, validators, nowUtc, CancellationToken.None);
        }

        return run;
    }

    private async Task<bool> ClaimAsync(Guid sourceId, DateTime nowUtc, bool scheduled, CancellationToken ct)
    {
        var until = nowUtc.AddMinutes(Math.Max(1, options.LeaseMinutes));
        var claimable = db.FeedSources.Where(s => s.Id == sourceId && (s.LeaseUntil == null || s.LeaseUntil < nowUtc));
        if (scheduled)
        {
            claimable = claimable.Where(s => s.Enabled && s.NextPollAt <= nowUtc);
        }

        return await claimable.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, until), ct) == 1;
    }

    /// <summary>Fetches, parses and applies; returns the validators to store, or null to keep the old ones.</summary>
    private async Task<Validators?> RunAsync(FeedSource source, FeedRun run, DateTime nowUtc, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new Uri(source.Url), source.ETag, source.LastModified, ct);
        run.HttpStatus = fetched.Status;
        if (fetched.Error is { } fetchError)
        {
            return Fail(run, fetchError);
        }

        if (fetched.NotModified)
        {
            run.Outcome = FeedRunOutcome.NotModified;
            run.Unchanged = source.LastItemCount;
            return null;
        }

        var feed = FeedParser.Parse(fetched.Body!, fetched.Charset, fetched.FinalUrl, Math.Max(1, options.MaxItems), out var parseError);
        if (feed is null)
        {
            return Fail(run, parseError!);
        }

        run.Outcome = FeedRunOutcome.Imported;
        run.Errors.AddRange(feed.Errors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var retry = false;
        foreach (var item in feed.Items)
        {
            var (outcome, error) = await writer.ApplyAsync(source, item, fetched.FinalUrl, nowUtc, seen, ct);
            switch (outcome)
            {
                case ItemOutcome.Created: run.Created++; break;
                case ItemOutcome.Updated: run.Updated++; break;
                case ItemOutcome.Unchanged: run.Unchanged++; break;
                default: run.Skipped++; break;
            }

            retry |= outcome == ItemOutcome.Failed;
            if (error is not null)
            {
                run.Errors.Add(new FeedRunError { Index = item.Index, Item = FeedItemWriter.Shorten(item.Label, 500), Reason = error });
            }
        }

        // After a failed save the old validators stay, so that the next poll reads the feed again instead of getting a 304.
        return retry ? null : new Validators(fetched.ETag, fetched.LastModified, feed.Items.Count);
    }

    private static Validators? Fail(FeedRun run, string reason)
    {
        run.Outcome = FeedRunOutcome.Failed;
        run.Errors.Add(new FeedRunError { Reason = reason });
        return null;
    }

    private async Task FinishAsync(FeedSource source, FeedRun run, Validators? validators, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        run.FinishedAt = Max(nowUtc, clock.GetUtcNow().UtcDateTime);
        if (run.Errors.Count > options.MaxErrorsPerRun)
        {
            var more = run.Errors.Count - options.MaxErrorsPerRun;
            run.Errors = [.. run.Errors.Take(options.MaxErrorsPerRun), new FeedRunError { Reason = $"{more} more errors were left out (Feeds:MaxErrorsPerRun)." }];
        }

        db.FeedRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var stale = await db.FeedRuns.Where(r => r.SourceId == source.Id)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip(Math.Max(1, options.RunsKept)).Select(r => r.Id).ToListAsync(ct);
        await db.FeedRuns.Where(r => stale.Contains(r.Id)).ExecuteDeleteAsync(ct);

        var next = nowUtc.AddMinutes(source.PollIntervalMinutes);
        await db.FeedSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(x => x.LeaseUntil, (DateTime?)null);
                s.SetProperty(x => x.NextPollAt, next);
                s.SetProperty(x => x.LastRunAt, nowUtc);
                if (validators is not null)
                {
                    s.SetProperty(x => x.ETag, validators.ETag);
                    s.SetProperty(x => x.LastModified, validators.LastModified);
                    s.SetProperty(x => x.LastItemCount, validators.ItemCount);
                }
            },
            ct);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record Validators(string? ETag, string? LastModified, int ItemCount);
}
