using Portal.Api.Infrastructure;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>A feed source as admins see it.</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="Name">Source name given to imported articles.</param>
/// <param name="Url">The feed's URL.</param>
/// <param name="CategoryId">Category of newly imported articles, or null.</param>
/// <param name="PollIntervalMinutes">Minutes between scheduled imports.</param>
/// <param name="PublishOnImport">True: imported articles are published at once; false: drafts.</param>
/// <param name="Enabled">Polled on schedule.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC, last change of the fields above.</param>
/// <param name="LastRunAt">UTC start of the last import, or null.</param>
/// <param name="NextPollAt">UTC instant from which the poller imports the source again.</param>
/// <param name="Version">Revision (the ETag's basis for If-Match).</param>
public sealed record FeedSourceResponse(
    Guid Id,
    string Name,
    string Url,
    Guid? CategoryId,
    int PollIntervalMinutes,
    bool PublishOnImport,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? LastRunAt,
    DateTime NextPollAt,
    int Version) : IVersioned
{
    internal static FeedSourceResponse From(FeedSource s) =>
        new(s.Id, s.Name, s.Url, s.CategoryId, s.PollIntervalMinutes, s.PublishOnImport, s.Enabled, s.CreatedAt, s.UpdatedAt, s.LastRunAt, s.NextPollAt, s.Version);
}

/// <summary>The report of one import run.</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="SourceId">The source imported.</param>
/// <param name="StartedAt">UTC.</param>
/// <param name="FinishedAt">UTC.</param>
/// <param name="Outcome">imported, notModified (the server answered 304; nothing was parsed) or failed.</param>
/// <param name="HttpStatus">The final HTTP status, or null when no response arrived.</param>
/// <param name="Created">Items that became new articles.</param>
/// <param name="Updated">Items whose article was changed.</param>
/// <param name="Unchanged">Items whose article was left as it was (all known items on a 304).</param>
/// <param name="Skipped">Items left out; each has an entry in errors, except items deleted in Portal (never brought back).</param>
/// <param name="Errors">Problems with the feed (index null) or with single items.</param>
public sealed record FeedRunResponse(
    Guid Id,
    Guid SourceId,
    DateTime StartedAt,
    DateTime FinishedAt,
    FeedRunOutcome Outcome,
    int? HttpStatus,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<FeedRunErrorResponse> Errors)
{
    internal static FeedRunResponse From(FeedRun r) =>
        new(r.Id, r.SourceId, r.StartedAt, r.FinishedAt, r.Outcome, r.HttpStatus, r.Created, r.Updated, r.Unchanged, r.Skipped,
            r.Errors.Select(e => new FeedRunErrorResponse(e.Index, e.Item, e.Reason)).ToList());
}

/// <summary>One problem in a run.</summary>
/// <param name="Index">1-based position of the item in the feed, or null for the feed as a whole.</param>
/// <param name="Item">The item's guid, link or title, or null.</param>
/// <param name="Reason">What went wrong, e.g. "The date 'Thứ 2, 31/02/2026' could not be parsed, so the item was skipped."</param>
public sealed record FeedRunErrorResponse(int? Index, string? Item, string Reason);
