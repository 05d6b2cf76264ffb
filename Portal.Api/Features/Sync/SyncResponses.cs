using Portal.Api.Features.Articles;
using Portal.Api.Features.Directives;
using Portal.Api.Features.Settings;

namespace Portal.Api.Features.Sync;

/// <summary>
/// One page of delta sync. Store <c>nextCursor</c> and send it back as <c>cursor</c>; keep calling while
/// <c>hasMore</c> is true. The cursor never expires.
/// </summary>
public sealed record SyncPage(IReadOnlyList<SyncItem> Items, string NextCursor, bool HasMore);

/// <summary>
/// A change: <c>kind</c> "upsert" carries the current public representation in the property named by
/// <c>type</c> (article, directive or settings); <c>kind</c> "tombstone" says the item left the public view,
/// with <c>removedAt</c> (UTC) and <c>reason</c> (unpublished, archived or deleted). <c>seq</c> is unique and increasing.
/// </summary>
public sealed record SyncItem(
    long Seq,
    SyncKind Kind,
    string Type,
    string Id,
    DateTime? RemovedAt,
    string? Reason,
    ArticleResponse? Article,
    DirectiveResponse? Directive,
    SettingsResponse? Settings);

/// <summary>What a sync item does to the client's copy.</summary>
public enum SyncKind
{
    Upsert,
    Tombstone,
}
